#pragma once

#include <cstddef>
#include <string>
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

// Only A-Z change: hosts, charset labels, tag names and ASCII keywords compare this way, and a
// byte of a UTF-8 or GBK sequence must never be touched.
constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

inline std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        c = ascii_lower(c);
    return lower;
}

constexpr bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return false;
    return true;
}

// s[pos...] begins with prefix, letters compared without case; false when pos is past the end.
constexpr bool starts_with_nocase(std::string_view s, std::size_t pos,
                                  std::string_view prefix) noexcept {
    return pos <= s.size() && s.size() - pos >= prefix.size() &&
           iequals_ascii(s.substr(pos, prefix.size()), prefix);
}

constexpr bool starts_with_nocase(std::string_view s, std::string_view prefix) noexcept {
    return starts_with_nocase(s, 0, prefix);
}

} // namespace govmon
