#include "daemon/config/value_checks.hpp"

#include "daemon/config/quantity_parse.hpp"
#include "text/ascii_text.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace govmon {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool has_space_or_control(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F;
    });
}

// Port 0 is allowed: for metrics.listen it asks the kernel for a free port (tests, several
// daemons on one host); the daemon logs the port it got.
bool is_port(std::string_view text) {
    if (text.empty() || text.size() > 5)
        return false;
    const auto value = parse_integer(text);
    return value && *value.value >= 0 && *value.value <= 65535 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_host_name(std::string_view host) {
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-')
        return false;
    // Non-ASCII bytes are allowed: an internationalised name (中国政府网.政务) is a valid host.
    return std::all_of(host.begin(), host.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) || c == '-' || c == '.' || c == '_';
    });
}

// "host", "host:port", "[v6]" or "[v6]:port"; `port_required` for listen addresses.
bool is_authority(std::string_view text, bool port_required) {
    std::string_view host = text;
    std::string_view port;
    if (text.starts_with('[')) {
        const auto close = text.find(']');
        if (close == std::string_view::npos)
            return false;
        host = text.substr(1, close - 1);
        const std::string_view rest = text.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':')
                return false;
            port = rest.substr(1);
            if (!is_port(port))
                return false;
        } else if (port_required) {
            return false;
        }
        char buffer[16];
        return ::inet_pton(AF_INET6, std::string(host).c_str(), buffer) == 1;
    }
    const auto colon = text.rfind(':');
    if (colon != std::string_view::npos) {
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (!is_port(port))
            return false;
    } else if (port_required) {
        return false;
    }
    return is_host_name(host);
}

} // namespace

const std::vector<std::string>& known_platforms() {
    static const std::vector<std::string> platforms{"web",     "weibo",    "wechat",   "douyin",
                                                    "toutiao", "kuaishou", "bilibili", "baijiahao",
                                                    "app",     "feed"};
    return platforms;
}

const std::vector<std::string>& known_contents() {
    static const std::vector<std::string> contents{"", "text", "video", "app"};
    return contents;
}

const std::vector<std::string>& column_categories() {
    static const std::vector<std::string> categories{"news", "notice", "personnel"};
    return categories;
}

const std::vector<std::string>& site_levels() {
    static const std::vector<std::string> levels{"省级", "市级", "县级", "其他"};
    return levels;
}

bool is_known_platform(std::string_view name) {
    return contains(known_platforms(), name);
}
bool is_known_content(std::string_view name) {
    return contains(known_contents(), name);
}
bool is_column_category(std::string_view name) {
    return contains(column_categories(), name);
}
bool is_site_level(std::string_view name) {
    return contains(site_levels(), name);
}

bool is_absolute_url(std::string_view url, const std::vector<std::string_view>& schemes) {
    if (has_space_or_control(url))
        return false;
    for (const auto scheme : schemes) {
        const std::string prefix = std::string(scheme) + "://";
        if (!starts_with_nocase(url, prefix))
            continue;
        const std::string_view rest = url.substr(prefix.size());
        std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
        // user:password@ is legitimate for smtp URLs and harmless to check past.
        if (const auto at = authority.rfind('@'); at != std::string_view::npos)
            authority = authority.substr(at + 1);
        return is_authority(authority, false);
    }
    return false;
}

bool is_http_url(std::string_view url) {
    return is_absolute_url(url, {"http", "https"});
}

bool is_email_address(std::string_view text) {
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    if (has_space_or_control(text) || text.find_first_of("<>,;:\"()[]\\") != std::string_view::npos)
        return false;
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
           domain.find("..") == std::string_view::npos && is_host_name(domain);
}

bool is_ip_address(std::string_view text) {
    const std::string address(text);
    unsigned char buffer[16];
    return ::inet_pton(AF_INET, address.c_str(), buffer) == 1 ||
           ::inet_pton(AF_INET6, address.c_str(), buffer) == 1;
}

bool is_host_port(std::string_view text) {
    return is_authority(text, true);
}

bool is_host_with_optional_port(std::string_view text) {
    return is_authority(text, false);
}

std::optional<bool> parse_account_status(std::string_view status) {
    if (status.empty() || status == "正常" || status == "active")
        return true;
    if (status == "关停" || status == "注销" || status == "closed")
        return false;
    return std::nullopt;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty())
            out += separator;
        out += word;
    }
    return out;
}

} // namespace govmon
