#pragma once

#include "probes/http/http_types.hpp"
#include "probes/site/crawl_result.hpp"

#include <string_view>

namespace govmon {

// What an answer says of the link it was fetched for, as the crawl and the posts' link checks
// judge it: a 2xx too large to read or in an encoding that cannot be decoded exists; any other
// failure is named by the client's error text, or "HTTP <status>".
link_status status_of(const http::response& r);

// Images, scripts and attachments by their extension: checked with HEAD first.
bool has_resource_extension(std::string_view url);

} // namespace govmon
