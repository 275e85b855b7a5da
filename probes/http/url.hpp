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

// nullopt for anything that is not an absolute http/https URL with a host.
std::optional<url> parse_url(std::string_view text);

// RFC 3986 §5.2: resolve `reference` (a Location value) against the absolute `base`.
// nullopt if the result is not an http/https URL.
std::optional<url> resolve_url(const url& base, std::string_view reference);

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view path);

} // namespace govmon::http
