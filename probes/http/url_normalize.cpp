#include "probes/http/url_normalize.hpp"

#include "text/idna.hpp"

#include <algorithm>
#include <cctype>

namespace govmon::http {

namespace {

// What a browser would refuse to look up; '_' stays because real government hosts use it.
bool plausible_host(const url& u) {
    return std::all_of(u.host.begin(), u.host.end(), [&](unsigned char c) {
        return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' ||
               (u.ipv6_literal && c == ':');
    });
}

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool unreserved(unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// RFC 3986 §6.2.2: escapes upper-case, escaped unreserved characters decoded, and a '%' that
// starts no escape escaped itself (servers read it as a literal '%' anyway).
std::string normalize_escapes(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const int high = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
        const int low = high < 0 ? -1 : hex_value(s[i + 2]);
        if (low < 0) {
            out += "%25";
            continue;
        }
        const auto byte = static_cast<unsigned char>(high * 16 + low);
        if (unreserved(byte)) {
            out += static_cast<char>(byte);
        } else {
            out += '%';
            out += hex[high];
            out += hex[low];
        }
        i += 2;
    }
    return out;
}

// The IDNA mapping can turn a host into one the ASCII host rules read otherwise ("．2" becomes
// ".2", which ends in a number and so must be an IPv4 address): browsers apply those rules
// after the mapping, so a mapped host is read once more. nullopt if they refuse it.
std::optional<std::string> reread_mapped_host(const std::string& mapped) {
    auto reread = parse_url("http://" + mapped + "/");
    if (!reread)
        return std::nullopt;
    return std::move(reread->host);
}

// url's own parsing already lower-cased, dropped the fragment and encoded unsafe bytes.
std::optional<std::string> finish(std::optional<url> u) {
    if (!u)
        return std::nullopt;
    auto host = host_to_ascii(u->host);
    if (!host)
        return std::nullopt;
    const bool mapped = *host != u->host;
    u->host = std::move(*host);
    if (!plausible_host(*u))
        return std::nullopt;
    if (mapped) {
        auto reread = reread_mapped_host(u->host);
        if (!reread)
            return std::nullopt;
        u->host = std::move(*reread);
    }
    const auto q = u->target.find('?');
    // Decoding %2E can make new dot segments, so they are removed once more.
    std::string target = remove_dot_segments(normalize_escapes(u->target.substr(0, q)));
    if (q != std::string::npos && q + 1 < u->target.size())
        target += "?" + normalize_escapes(std::string_view{u->target}.substr(q + 1));
    u->target = std::move(target);
    return u->str();
}

} // namespace

std::optional<std::string> normalize_url(std::string_view absolute) {
    return finish(parse_url(absolute));
}

std::optional<std::string> resolve_and_normalize(const url& base, std::string_view reference) {
    return finish(resolve_url(base, reference));
}

} // namespace govmon::http
