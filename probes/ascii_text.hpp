#pragma once

#include <string_view>

namespace govmon {

// ASCII whitespace as the WHATWG and XML specifications define it (no Unicode spaces: a
// full-width space is text in Chinese pages, and the date normaliser handles it).
constexpr bool is_ascii_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

constexpr std::string_view trim_ascii_space(std::string_view s) noexcept {
    while (!s.empty() && is_ascii_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back()))
        s.remove_suffix(1);
    return s;
}

constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

} // namespace govmon
