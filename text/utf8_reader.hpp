#pragma once

#include <cstddef>
#include <string_view>

namespace govmon {

enum class utf8_status { valid, invalid, truncated };

struct utf8_step {
    std::size_t length; // of the sequence, or of its maximal ill-formed prefix (Unicode §3.9)
    utf8_status status;
};

// The UTF-8 sequence that starts at s[pos] (pos < s.size()): overlong forms, surrogates and
// values beyond U+10FFFF are invalid; a sequence the end of s cuts is truncated.
utf8_step utf8_step_at(std::string_view s, std::size_t pos);

// Length of the UTF-8 sequence at `pos`, or 0 when it is malformed, overlong, a surrogate or
// beyond U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s, std::size_t pos);

bool is_valid_utf8(std::string_view bytes);

// The scalar value of one valid sequence (a utf8_step_at length from a valid step).
char32_t utf8_code_point(std::string_view sequence);

} // namespace govmon
