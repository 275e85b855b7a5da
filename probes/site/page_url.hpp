#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// The absolute http(s) URL a link on `page_url` leads to, or nothing for links a reader does not
// follow to another page (javascript:, mailto:, tel:, data:, same-page fragments, empty).
// Deliberately small: scheme://host + path with dot segments removed, fragment dropped, no
// percent-encoding or IDN work (probes/html/ normalises URLs for the crawl).
std::optional<std::string> resolve_link(std::string_view href, std::string_view page_url);

// The authority (host[:port]) of an absolute URL, lower-cased; empty if there is none. Not
// host_of (text/host_names.hpp): a column on another port is another site.
std::string authority_of(std::string_view url);

} // namespace govmon
