#pragma once

#include <string>
#include <string_view>

namespace govmon {

// Text and attribute values for HTML (reports, alert mails): markup characters as entities;
// bytes that are not UTF-8 and control characters (both come from the network) as U+FFFD, so
// the page always parses.
std::string escape_html(std::string_view text);

} // namespace govmon
