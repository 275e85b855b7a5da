#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govmon::http {

// True for text that is an IPv4 or IPv6 address (no brackets).
bool is_ip_literal(std::string_view host);

// Loopback, private, link-local, unspecified, CGNAT, unique-local, and the IPv4-mapped forms of
// these: addresses that a public web page must not make the monitor fetch (SSRF guard).
// Unparseable text counts as private, so that a mistake refuses rather than allows.
bool is_private_address(std::string_view address);

// The first private address in `addresses`, or "" if all are public.
std::string first_private_address(const std::vector<std::string>& addresses);

// `host` is in the allow list (case-insensitive, exact match).
bool host_in_list(std::string_view host, const std::vector<std::string>& list);

} // namespace govmon::http
