#include "probes/http/block_page.hpp"

#include "text/ascii_text.hpp"

#include <strings.h>

#include <algorithm>
#include <cctype>

namespace govmon::http {

namespace {

// Signatures read from the pages these firewalls send; the product names and cookie prefixes
// are the ones wafw00f's plugins match (EnableSecurity/wafw00f, plugins/safedog.py,
// plugins/yunsuo.py) and the 加速乐 and 瑞数 shapes scrapers document (juejin.cn/post/
// 7386485874300977178: 521 with a script that sets __jsl_clearance; r='m' scripts on 412).
constexpr std::size_t body_bytes_read = 16 * 1024;

bool contains_nocase(std::string_view haystack, std::string_view needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char a, char b) { return ascii_lower(a) == ascii_lower(b); }) !=
           haystack.end();
}

bool any_header_contains(const std::vector<header_field>& headers, std::string_view name,
                         std::string_view needle) {
    return std::any_of(headers.begin(), headers.end(), [&](const header_field& h) {
        return h.name.size() == name.size() &&
               strncasecmp(h.name.data(), name.data(), name.size()) == 0 &&
               contains_nocase(h.value, needle);
    });
}

bool cloudflare_challenge(int status, const std::vector<header_field>& headers,
                          std::string_view body) {
    if (any_header_contains(headers, "cf-mitigated", "challenge"))
        return true;
    // Older challenge pages carry no cf-mitigated; their scripts name the platform, and the
    // firewall's own block page ("Attention Required! | Cloudflare") names Cloudflare.
    return (status == 403 || status == 503) && find_header(headers, "cf-ray") &&
           (contains_nocase(body, "challenge-platform") || contains_nocase(body, "cf_chl_") ||
            contains_nocase(body, "cloudflare"));
}

bool jiasule_cookie_page(int status, const std::vector<header_field>& headers,
                         std::string_view body) {
    if (status != 521)
        return false;
    return any_header_contains(headers, "set-cookie", "__jsluid") ||
           contains_nocase(body, "__jsl_clearance") ||
           (contains_nocase(body, "<script") && contains_nocase(body, "document.cookie"));
}

// Nothing govmon sends carries a precondition, so a 412 with a script is a challenge.
bool script_challenge_412(int status, std::string_view body) {
    return status == 412 && contains_nocase(body, "<script");
}

// Server: Safedog is on every answer of a protected site, real errors too: only the
// interstitial's cookie or text tells.
bool safedog_page(const std::vector<header_field>& headers, std::string_view body) {
    return any_header_contains(headers, "set-cookie", "safedog-flow-item=") ||
           contains_nocase(body, "safedog") ||
           contains_nocase(body, "\xE5\xAE\x89\xE5\x85\xA8\xE7\x8B\x97"); // 安全狗
}

bool yunsuo_page(const std::vector<header_field>& headers, std::string_view body) {
    return any_header_contains(headers, "set-cookie", "yunsuo_session") ||
           any_header_contains(headers, "set-cookie", "security_session_verify") ||
           contains_nocase(body, "yunsuologo") ||
           contains_nocase(body, "\xE4\xBA\x91\xE9\x94\x81"); // 云锁
}

} // namespace

std::optional<std::string> block_reason(int status, const std::vector<header_field>& headers,
                                        std::string_view body) {
    // A missing page is missing, whoever serves the error page (安全狗 has its own 404 page).
    if (status < 400 || status == 404 || status == 410)
        return std::nullopt;
    body = body.substr(0, std::min(body.size(), body_bytes_read));
    if (status == 429)
        return "rate limited";
    if (cloudflare_challenge(status, headers, body))
        return "Cloudflare challenge";
    if (jiasule_cookie_page(status, headers, body))
        return "加速乐 JavaScript cookie challenge";
    if (safedog_page(headers, body))
        return "安全狗 firewall page";
    if (yunsuo_page(headers, body))
        return "云锁 firewall page";
    if (script_challenge_412(status, body))
        return "script challenge";
    return std::nullopt;
}

} // namespace govmon::http
