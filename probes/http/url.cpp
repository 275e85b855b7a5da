#include "probes/http/url.hpp"

#include <algorithm>
#include <charconv>

namespace govmon::http {

namespace {

std::string lower(std::string_view s)
{
    std::string out{s};
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    });
    return out;
}

// The generic syntax of RFC 3986 §3, components kept raw; defined flags matter for §5.2.
struct reference_parts {
    std::optional<std::string_view> scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
};

reference_parts split_reference(std::string_view s)
{
    reference_parts parts;
    if (auto hash = s.find('#'); hash != std::string_view::npos)
        s = s.substr(0, hash);
    // A scheme is letters/digits/+-. before the first ':' that precedes any '/', '?'.
    auto colon = s.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon < s.find_first_of("/?")) {
        auto candidate = s.substr(0, colon);
        bool valid = std::isalpha(static_cast<unsigned char>(candidate[0])) != 0 &&
                     std::all_of(candidate.begin(), candidate.end(), [](unsigned char c) {
                         return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
                     });
        if (valid) {
            parts.scheme = candidate;
            s.remove_prefix(colon + 1);
        }
    }
    if (s.starts_with("//")) {
        s.remove_prefix(2);
        auto end = s.find_first_of("/?");
        parts.authority = s.substr(0, end);
        s = end == std::string_view::npos ? std::string_view{} : s.substr(end);
    }
    auto q = s.find('?');
    parts.path = s.substr(0, q);
    if (q != std::string_view::npos)
        parts.query = s.substr(q + 1);
    return parts;
}

// Servers send raw spaces and UTF-8 in Location; a request line must not contain them.
std::string encode_target(std::string_view raw)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(raw.size());
    for (unsigned char c : raw) {
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' ||
            c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::optional<url> build(std::string_view scheme_raw, std::string_view authority,
                         std::string_view path, std::optional<std::string_view> query)
{
    url u;
    u.scheme = lower(scheme_raw);
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
        u.ipv6_literal = true;
        if (host.find(':') == std::string_view::npos)
            return std::nullopt;
    } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (host.empty() || host.find_first_of(" /?#[]@\\") != std::string_view::npos)
        return std::nullopt;
    u.host = lower(host);
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

std::string url::authority() const
{
    std::string out = ipv6_literal ? "[" + host + "]" : host;
    if (!default_port())
        out += ":" + std::to_string(port);
    return out;
}

std::string url::str() const { return scheme + "://" + authority() + target; }

std::string remove_dot_segments(std::string_view in)
{
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

std::optional<url> parse_url(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    auto parts = split_reference(text);
    if (!parts.scheme || !parts.authority)
        return std::nullopt;
    return build(*parts.scheme, *parts.authority, remove_dot_segments(parts.path), parts.query);
}

std::optional<url> resolve_url(const url& base, std::string_view reference)
{
    while (!reference.empty() && (reference.front() == ' ' || reference.front() == '\t'))
        reference.remove_prefix(1);
    while (!reference.empty() && (reference.back() == ' ' || reference.back() == '\t'))
        reference.remove_suffix(1);
    auto r = split_reference(reference);
    if (r.scheme) {
        if (!r.authority)
            return std::nullopt; // "http:foo" is legal but no server means it
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
