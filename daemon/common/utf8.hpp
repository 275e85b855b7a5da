#pragma once

#include <cstddef>
#include <string_view>

namespace govmon {

// Length of the UTF-8 sequence at `pos`, or 0 when it is malformed, overlong, a surrogate or
// beyond U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s, std::size_t pos);

} // namespace govmon
