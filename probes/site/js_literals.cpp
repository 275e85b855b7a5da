#include "probes/site/js_literals.hpp"

#include "text/ascii_text.hpp"

#include <cstdint>
#include <optional>

namespace govmon {
namespace {

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::optional<std::uint32_t> hex_at(std::string_view s, std::size_t at, std::size_t digits) {
    if (at + digits > s.size())
        return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        const char c = ascii_lower(s[i]);
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return std::nullopt;
        value = value * 16 + static_cast<std::uint32_t>(d);
    }
    return value;
}

bool is_high_surrogate(std::uint32_t c) {
    return c >= 0xD800 && c <= 0xDBFF;
}

bool is_low_surrogate(std::uint32_t c) {
    return c >= 0xDC00 && c <= 0xDFFF;
}

// Appends what the escape at s[at] == '\\' stands for and returns how many bytes it takes; an
// escape this reader does not decode stays as written.
std::size_t decode_escape(std::string_view s, std::size_t at, std::string& out) {
    const char kind = at + 1 < s.size() ? s[at + 1] : '\0';
    if (kind == 'x')
        if (const auto c = hex_at(s, at + 2, 2)) {
            append_utf8(out, *c);
            return 4;
        }
    if (kind == 'u')
        if (const auto c = hex_at(s, at + 2, 4)) {
            const bool pair = is_high_surrogate(*c) && s.substr(at + 6, 2) == "\\u";
            if (pair)
                if (const auto low = hex_at(s, at + 8, 4); low && is_low_surrogate(*low)) {
                    append_utf8(out, 0x10000 + ((*c - 0xD800) << 10) + (*low - 0xDC00));
                    return 12;
                }
            append_utf8(out, is_high_surrogate(*c) || is_low_surrogate(*c) ? 0xFFFD : *c);
            return 6;
        }
    if (kind == '/') {
        out += '/';
        return 2;
    }
    out += s.substr(at, kind == '\0' ? 1 : 2);
    return kind == '\0' ? 1 : 2;
}

// At s[at], a quote closing one literal, then `+` and a literal opened by the same quote:
// the length of that seam ("' + '"), or 0.
std::size_t concatenation_seam(std::string_view s, std::size_t at) {
    const char quote = s[at];
    if (quote != '"' && quote != '\'')
        return 0;
    std::size_t i = at + 1;
    while (i < s.size() && is_ascii_space(s[i]))
        ++i;
    if (i >= s.size() || s[i] != '+')
        return 0;
    ++i;
    while (i < s.size() && is_ascii_space(s[i]))
        ++i;
    return i < s.size() && s[i] == quote ? i + 1 - at : 0;
}

} // namespace

std::string readable_script(std::string_view script) {
    std::string decoded;
    decoded.reserve(script.size());
    for (std::size_t i = 0; i < script.size();)
        if (script[i] == '\\')
            i += decode_escape(script, i, decoded);
        else
            decoded += script[i++];
    std::string joined;
    joined.reserve(decoded.size());
    for (std::size_t i = 0; i < decoded.size();)
        if (const std::size_t seam = concatenation_seam(decoded, i); seam > 0)
            i += seam;
        else
            joined += decoded[i++];
    return joined;
}

} // namespace govmon
