#pragma once

#include <string>
#include <string_view>

namespace govmon {

// Appends one CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF, quotes
// doubled.
void append_csv_field(std::string& out, std::string_view field);

} // namespace govmon
