#include "probes/http/url.hpp"

#include "text/ascii_text.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace govmon::http {

namespace {

// WHATWG URL parsing: C0 controls and spaces around the text are trimmed, tabs and newlines
// anywhere are dropped (editors wrap long hrefs, servers fold Location values), and '\\' before
// the query is a '/' (hand-written hrefs on IIS-era sites use it).
std::string clean_reference(std::string_view s) {
    while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20)
        s.remove_prefix(1);
    while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20)
        s.remove_suffix(1);
    std::string out;
    out.reserve(s.size());
    bool before_query = true;
    for (char c : s) {
        if (c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '?' || c == '#')
            before_query = false;
        out += c == '\\' && before_query ? '/' : c;
    }
    return out;
}

// A reference split by the WHATWG URL parser's states for the special schemes http and https:
// its scheme if it names one, then either an authority (after "//" or, in the cases below, any
// run of slashes) or a path, and the query. Fragments are dropped.
struct reference_parts {
    std::optional<std::string_view> scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
};

std::optional<std::string_view> scheme_of(std::string_view s) {
    auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > s.find_first_of("/?"))
        return std::nullopt;
    auto candidate = s.substr(0, colon);
    bool valid = std::isalpha(static_cast<unsigned char>(candidate[0])) != 0 &&
                 std::all_of(candidate.begin(), candidate.end(), [](unsigned char c) {
                     return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
                 });
    return valid ? std::optional{candidate} : std::nullopt;
}

// "special authority ignore slashes state": every '/' before the host is skipped.
void take_authority(std::string_view& s, reference_parts& parts) {
    while (s.starts_with('/'))
        s.remove_prefix(1);
    auto end = s.find_first_of("/?");
    parts.authority = s.substr(0, end);
    s = end == std::string_view::npos ? std::string_view{} : s.substr(end);
}

// `base_scheme` is the scheme relative references resolve against ("" for none): "http:x" is
// relative to an http page (a path) but names the host x anywhere else, as in browsers.
reference_parts split_reference(std::string_view s, std::string_view base_scheme) {
    reference_parts parts;
    if (auto hash = s.find('#'); hash != std::string_view::npos)
        s = s.substr(0, hash);
    if (auto scheme = scheme_of(s)) {
        parts.scheme = scheme;
        s.remove_prefix(scheme->size() + 1);
        auto name = lower_ascii(*scheme);
        bool special = name == "http" || name == "https";
        if (special && (name != base_scheme || s.starts_with("//")))
            take_authority(s, parts);
        else if (special)
            parts.scheme.reset(); // "http:x" on an http page: a relative reference
    } else if (s.starts_with("//")) {
        take_authority(s, parts);
    }
    auto q = s.find('?');
    parts.path = s.substr(0, q);
    if (q != std::string_view::npos)
        parts.query = s.substr(q + 1);
    return parts;
}

// Servers send raw spaces and UTF-8 in Location; a request line must not contain them.
std::string encode_target(std::string_view raw) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(raw.size());
    for (unsigned char c : raw) {
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
            c == '`' || c == '{' || c == '|' || c == '}') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// WHATWG "IPv6 serializer": lower-case hex pieces, the first longest run of two or more zero
// pieces compressed to "::", an embedded IPv4 written as hex like the rest.
std::optional<std::string> canonical_ipv6(std::string_view text) {
    std::array<unsigned char, 16> bytes{};
    if (inet_pton(AF_INET6, std::string{text}.c_str(), bytes.data()) != 1)
        return std::nullopt;
    std::array<unsigned, 8> pieces{};
    for (std::size_t i = 0; i < 8; ++i)
        pieces[i] = bytes[2 * i] * 256u + bytes[2 * i + 1];
    std::size_t best = 8, best_len = 1;
    for (std::size_t i = 0; i < 8;) {
        std::size_t j = i;
        while (j < 8 && pieces[j] == 0)
            ++j;
        if (j - i > best_len) {
            best = i;
            best_len = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < 8; ++i) {
        if (i == best) {
            out += i == 0 ? "::" : ":";
            i += best_len - 1;
            continue;
        }
        std::string piece;
        for (unsigned v = pieces[i]; v > 0 || piece.empty(); v /= 16)
            piece.insert(piece.begin(), hex[v % 16]);
        out += piece;
        if (i < 7)
            out += ':';
    }
    return out;
}

// One part of a WHATWG IPv4 host: decimal, 0x hex or 0-led octal.
std::optional<std::uint64_t> ipv4_number(std::string_view part) {
    int base = 10;
    if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
        base = 16;
        part.remove_prefix(2);
        if (part.empty())
            return 0;
    } else if (part.size() >= 2 && part[0] == '0') {
        base = 8;
        part.remove_prefix(1);
    }
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value, base);
    if (ec != std::errc{} || end != part.data() + part.size())
        return std::nullopt;
    return value;
}

std::vector<std::string_view> host_labels(std::string_view host) {
    std::vector<std::string_view> labels;
    for (;;) {
        auto dot = host.find('.');
        labels.push_back(host.substr(0, dot));
        if (dot == std::string_view::npos)
            return labels;
        host.remove_prefix(dot + 1);
    }
}

// WHATWG "ends in a number": such a host is an IPv4 address or nothing.
bool ends_in_number(std::string_view host) {
    auto labels = host_labels(host);
    if (labels.size() > 1 && labels.back().empty())
        labels.pop_back();
    auto last = labels.back();
    if (!last.empty() &&
        std::all_of(last.begin(), last.end(), [](unsigned char c) { return std::isdigit(c) != 0; }))
        return true;
    return last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X') &&
           std::all_of(last.begin() + 2, last.end(),
                       [](unsigned char c) { return std::isxdigit(c) != 0; });
}

// WHATWG "IPv4 parser": "0x7f.1" and "2130706433" are 127.0.0.1, browsers connect there.
std::optional<std::string> canonical_ipv4(std::string_view host) {
    auto labels = host_labels(host);
    if (labels.size() > 1 && labels.back().empty())
        labels.pop_back();
    if (labels.size() > 4)
        return std::nullopt;
    std::vector<std::uint64_t> numbers;
    for (auto label : labels) {
        auto n = label.empty() ? std::nullopt : ipv4_number(label);
        if (!n)
            return std::nullopt;
        numbers.push_back(*n);
    }
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i)
        if (numbers[i] > 255)
            return std::nullopt;
    if (numbers.back() >= (std::uint64_t{1} << (8 * (5 - numbers.size()))))
        return std::nullopt;
    std::uint64_t address = numbers.back();
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i)
        address += numbers[i] << (8 * (3 - i));
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 255) + "." +
           std::to_string((address >> 8) & 255) + "." + std::to_string(address & 255);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        int high = s[i] == '%' && i + 2 < s.size() ? hex_digit(s[i + 1]) : -1;
        int low = high < 0 ? -1 : hex_digit(s[i + 2]);
        if (low < 0) {
            out += s[i];
            continue;
        }
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

// WHATWG forbidden domain code points: no browser looks such a host up.
bool forbidden_in_host(std::string_view host) {
    return std::any_of(host.begin(), host.end(), [](unsigned char c) {
        return c <= 0x20 || c == 0x7f ||
               std::string_view{"#%/:<>?@[\\]^|"}.find(static_cast<char>(c)) !=
                   std::string_view::npos;
    });
}

// The host of an authority as browsers read it: percent-decoded, lower-case, numeric IPv4
// forms written dotted; nullopt for a host no browser accepts.
std::optional<std::string> domain_host(std::string_view raw) {
    auto host = lower_ascii(percent_decode(raw));
    if (host.empty() || forbidden_in_host(host))
        return std::nullopt;
    if (ends_in_number(host))
        return canonical_ipv4(host);
    return host;
}

std::optional<url> build(std::string_view scheme_raw, std::string_view authority,
                         std::string_view path, std::optional<std::string_view> query) {
    url u;
    u.scheme = lower_ascii(scheme_raw);
    if (u.scheme != "http" && u.scheme != "https")
        return std::nullopt;
    if (auto at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
    std::string_view host = authority;
    std::string_view port;
    if (authority.starts_with('[')) {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        host = authority.substr(1, close - 1);
        auto rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest[0] != ':')
                return std::nullopt;
            port = rest.substr(1);
        }
        auto v6 = canonical_ipv6(host);
        if (!v6)
            return std::nullopt;
        u.ipv6_literal = true;
        u.host = std::move(*v6);
    } else {
        if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
            host = authority.substr(0, colon);
            port = authority.substr(colon + 1);
        }
        auto domain = domain_host(host);
        if (!domain)
            return std::nullopt;
        u.host = std::move(*domain);
    }
    u.port = u.scheme == "https" ? 443 : 80;
    if (!port.empty()) {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535)
            return std::nullopt;
        u.port = static_cast<std::uint16_t>(value);
    }
    std::string target = path.empty() ? std::string{"/"} : std::string{path};
    if (target[0] != '/')
        target.insert(0, "/");
    if (query) {
        target += '?';
        target += *query;
    }
    u.target = encode_target(target);
    return u;
}

} // namespace

std::string url::authority() const {
    std::string out = ipv6_literal ? "[" + host + "]" : host;
    if (!default_port())
        out += ":" + std::to_string(port);
    return out;
}

std::string url::str() const {
    return scheme + "://" + authority() + target;
}

std::string remove_dot_segments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (in.starts_with("../")) {
            in.remove_prefix(3);
        } else if (in.starts_with("./")) {
            in.remove_prefix(2);
        } else if (in.starts_with("/./")) {
            in.remove_prefix(2);
        } else if (in == "/.") {
            in = "/";
        } else if (in.starts_with("/../") || in == "/..") {
            in = in.size() == 3 ? std::string_view{"/"} : in.substr(3);
            auto slash = out.rfind('/');
            out.erase(slash == std::string::npos ? 0 : slash);
        } else if (in == "." || in == "..") {
            in = {};
        } else {
            auto next = in.find('/', in[0] == '/' ? 1 : 0);
            out.append(in.substr(0, next));
            in = next == std::string_view::npos ? std::string_view{} : in.substr(next);
        }
    }
    return out;
}

std::optional<url> parse_url(std::string_view raw) {
    auto text = clean_reference(raw);
    auto parts = split_reference(text, "");
    if (!parts.scheme || !parts.authority)
        return std::nullopt;
    return build(*parts.scheme, *parts.authority, remove_dot_segments(parts.path), parts.query);
}

std::optional<url> resolve_url(const url& base, std::string_view raw) {
    auto reference = clean_reference(raw);
    auto r = split_reference(reference, base.scheme);
    if (r.scheme) {
        if (!r.authority)
            return std::nullopt; // another scheme: nothing the client fetches
        return build(*r.scheme, *r.authority, remove_dot_segments(r.path), r.query);
    }
    if (r.authority)
        return build(base.scheme, *r.authority, remove_dot_segments(r.path), r.query);

    auto q = base.target.find('?');
    std::string_view base_path = std::string_view{base.target}.substr(0, q);
    std::optional<std::string_view> base_query;
    if (q != std::string::npos)
        base_query = std::string_view{base.target}.substr(q + 1);

    std::string path;
    std::optional<std::string_view> query = r.query;
    if (r.path.empty()) {
        path = base_path;
        if (!query)
            query = base_query;
    } else if (r.path[0] == '/') {
        path = remove_dot_segments(r.path);
    } else {
        auto slash = base_path.rfind('/');
        std::string merged{base_path.substr(0, slash == std::string_view::npos ? 0 : slash + 1)};
        merged += r.path;
        path = remove_dot_segments(merged);
    }
    std::string authority = base.ipv6_literal ? "[" + base.host + "]" : base.host;
    authority += ":" + std::to_string(base.port);
    return build(base.scheme, authority, path, query);
}

} // namespace govmon::http
