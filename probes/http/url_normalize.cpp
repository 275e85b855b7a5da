#include "probes/http/url_normalize.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace govmon::http {

namespace {

std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80)
        return 1;
    if (lead < 0xC2)
        return 0;
    if (lead < 0xE0)
        return 2;
    if (lead < 0xF0)
        return 3;
    return lead < 0xF5 ? 4 : 0;
}

// Decodes UTF-8 into scalar values; nullopt on a malformed sequence.
std::optional<std::u32string> decode_utf8(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t len = utf8_sequence_length(lead);
        if (len == 0 || i + len > s.size())
            return std::nullopt;
        char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cont = static_cast<unsigned char>(s[i + k]);
            if ((cont & 0xC0) != 0x80)
                return std::nullopt;
            cp = (cp << 6) | (cont & 0x3F);
        }
        const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return std::nullopt;
        out += cp;
        i += len;
    }
    return out;
}

// The slice of IDNA mapping Chinese sites need: ideographic and full-width full stops separate
// labels, full-width ASCII is ASCII, and Latin letters are lower-cased before encoding.
char32_t map_host_code_point(char32_t c) {
    if (c == U'\u3002' || c == U'\uFF0E' || c == U'\uFF61')
        return U'.';
    if (c >= U'\uFF01' && c <= U'\uFF5E')
        c -= 0xFEE0;
    if ((c >= U'A' && c <= U'Z') || (c >= U'\u00C0' && c <= U'\u00DE' && c != U'\u00D7'))
        c += 0x20;
    return c;
}

std::optional<std::string> host_to_ascii(const std::string& host) {
    if (std::all_of(host.begin(), host.end(), [](unsigned char c) { return c < 0x80; }))
        return host;
    auto code_points = decode_utf8(host);
    if (!code_points)
        return std::nullopt;
    std::transform(code_points->begin(), code_points->end(), code_points->begin(),
                   map_host_code_point);
    std::string out;
    std::u32string_view rest = *code_points;
    while (true) {
        const auto dot = rest.find(U'.');
        const auto label = rest.substr(0, dot);
        if (std::all_of(label.begin(), label.end(), [](char32_t c) { return c < 0x80; })) {
            for (char32_t c : label)
                out += static_cast<char>(c);
        } else {
            auto encoded = punycode_encode(label);
            if (!encoded)
                return std::nullopt;
            out += "xn--" + *encoded;
        }
        if (dot == std::u32string_view::npos)
            return out;
        out += '.';
        rest.remove_prefix(dot + 1);
    }
}

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

std::uint32_t adapt_bias(std::uint32_t delta, std::uint32_t points, bool first) {
    constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
    delta = first ? delta / damp : delta / 2;
    delta += delta / points;
    std::uint32_t k = 0;
    while (delta > ((base - tmin) * tmax) / 2) {
        delta /= base - tmin;
        k += base;
    }
    return k + (base - tmin + 1) * delta / (delta + skew);
}

char punycode_digit(std::uint32_t d) {
    return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

} // namespace

std::optional<std::string> punycode_encode(std::u32string_view label) {
    constexpr std::uint32_t base = 36, tmin = 1, tmax = 26;
    constexpr auto max = std::numeric_limits<std::uint32_t>::max();
    std::string out;
    for (char32_t c : label)
        if (c < 0x80)
            out += static_cast<char>(c);
    const auto basic = static_cast<std::uint32_t>(out.size());
    if (basic > 0)
        out += '-';
    std::uint32_t n = 0x80, delta = 0, bias = 72, handled = basic;
    while (handled < label.size()) {
        std::uint32_t m = max;
        for (char32_t c : label)
            if (c >= n && c < m)
                m = c;
        if (m - n > (max - delta) / (handled + 1))
            return std::nullopt;
        delta += (m - n) * (handled + 1);
        n = m;
        for (char32_t c : label) {
            if (c < n && ++delta == 0)
                return std::nullopt;
            if (c != n)
                continue;
            std::uint32_t q = delta;
            for (std::uint32_t k = base;; k += base) {
                const std::uint32_t t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
                if (q < t)
                    break;
                out += punycode_digit(t + (q - t) % (base - t));
                q = (q - t) / (base - t);
            }
            out += punycode_digit(q);
            bias = adapt_bias(delta, handled + 1, handled == basic);
            delta = 0;
            ++handled;
        }
        ++delta;
        ++n;
    }
    return out;
}

std::optional<std::string> normalize_url(std::string_view absolute) {
    return finish(parse_url(absolute));
}

std::optional<std::string> resolve_and_normalize(const url& base, std::string_view reference) {
    return finish(resolve_url(base, reference));
}

} // namespace govmon::http
