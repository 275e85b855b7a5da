#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon::http {

// An absolute http(s) URL split the way the client needs it. Userinfo and fragment are dropped;
// scheme and host are lower-case; an IPv6 literal is kept without its brackets.
struct url {
    std::string scheme; // "http" or "https"
    std::string host;
    std::uint16_t port = 0;
    std::string target = "/"; // path + query, never empty
    bool ipv6_literal = false;

    bool default_port() const { return port == (scheme == "https" ? 443 : 80); }
    // host[:port] as it goes into the Host header and into str().
    std::string authority() const;
    std::string str() const;
    friend bool operator==(const url&, const url&) = default;
};

// Both parse as browsers do, by the WHATWG URL Standard's rules for http and https: spaces and
// controls around the text trimmed, tabs and newlines dropped, '\' before the query read as
// '/', any run of slashes before the host skipped, the host percent-decoded and refused when it
// holds a forbidden code point, numeric IPv4 hosts ("0x7f.1") written dotted, IPv6 literals in
// canonical form.
// nullopt for anything that is not an absolute http/https URL with a host.
std::optional<url> parse_url(std::string_view text);

// `reference` (an href, a Location value) resolved against the absolute `base` (RFC 3986
// §5.2 merging, with the WHATWG rules above: "http:x" is relative to an http base).
// nullopt if the result is not an http/https URL.
std::optional<url> resolve_url(const url& base, std::string_view reference);

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view path);

} // namespace govmon::http
