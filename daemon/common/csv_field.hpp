#pragma once

#include <string>
#include <string_view>

namespace govmon {

// One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF, quotes doubled.
std::string csv_field(std::string_view value);

} // namespace govmon
