#pragma once

#include "probes/http/url.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace govmon::http {

// One resource, one string: the crawler's visited set and the per-cycle external check key on
// it. Scheme and host lower-case, IDN host in punycode, default port dropped, dot segments
// removed, fragment dropped, empty path "/", unsafe and non-ASCII bytes of path and query
// percent-encoded, escapes upper-case and unreserved ones decoded, after parse_url's WHATWG
// rules (tabs and newlines dropped, '\' in the path a '/', as browsers do).
// nullopt for anything that is not an absolute http/https URL with a usable host.
std::optional<std::string> normalize_url(std::string_view absolute);

// `reference` (an href as written in a page) resolved against `base` by RFC 3986 §5.2, then
// normalised as above. nullopt for javascript:, mailto:, data: and every other non-http scheme.
std::optional<std::string> resolve_and_normalize(const url& base, std::string_view reference);

} // namespace govmon::http
