#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

enum class utf8_status { valid, invalid, truncated };

struct utf8_step {
    std::size_t length; // of the sequence, or of its maximal ill-formed prefix (Unicode §3.9)
    utf8_status status;
};

// The UTF-8 sequence that starts at s[pos] (pos < s.size()): overlong forms, surrogates and
// values beyond U+10FFFF are invalid; a sequence the end of s cuts is truncated. In the header
// because decoders call it for every byte of every page.
constexpr utf8_step utf8_step_at(std::string_view s, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0x80)
        return {1, utf8_status::valid};
    std::size_t continuations = 0;
    unsigned char low = 0x80, high = 0xBF; // the range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // overlong
        high = lead == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;  // overlong
        high = lead == 0xF4 ? 0x8F : 0xBF; // beyond U+10FFFF
    } else {
        return {1, utf8_status::invalid};
    }
    for (std::size_t k = 1; k <= continuations; ++k) {
        if (pos + k >= s.size())
            return {k, utf8_status::truncated};
        const auto c = static_cast<unsigned char>(s[pos + k]);
        if (c < low || c > high)
            return {k, utf8_status::invalid};
        low = 0x80;
        high = 0xBF;
    }
    return {continuations + 1, utf8_status::valid};
}

// Length of the UTF-8 sequence at `pos`, or 0 when it is malformed, overlong, a surrogate or
// beyond U+10FFFF.
constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
    const utf8_step step = utf8_step_at(s, pos);
    return step.status == utf8_status::valid ? step.length : 0;
}

bool is_valid_utf8(std::string_view bytes);

// The scalar value of one valid sequence (a utf8_step_at length from a valid step).
char32_t utf8_code_point(std::string_view sequence);

// Appends `code` as UTF-8; a surrogate or a value beyond U+10FFFF, which UTF-8 cannot carry,
// as U+FFFD (a script's lone \uD83D).
void append_utf8(std::string& out, char32_t code);

// The value of hexadecimal `digits` (either case); nullopt when empty, too long for a code point
// (more than 8 digits) or not all hex digits.
constexpr std::optional<std::uint32_t> hex_number(std::string_view digits) noexcept {
    if (digits.empty() || digits.size() > 8)
        return std::nullopt;
    std::uint32_t value = 0;
    for (const char c : digits) {
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0)
            return std::nullopt;
        value = value * 16 + static_cast<std::uint32_t>(d);
    }
    return value;
}

// The first `max_bytes` of `text`, cut on a UTF-8 character boundary: what a byte budget keeps
// of a text quoted in evidence or judged.
constexpr std::string_view bounded_text(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() <= max_bytes)
        return text;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut);
}

} // namespace govmon
