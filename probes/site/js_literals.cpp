#include "probes/site/js_literals.hpp"

#include "text/ascii_text.hpp"
#include "text/utf8_reader.hpp"

#include <cstdint>
#include <optional>

namespace govmon {
namespace {

std::optional<std::uint32_t> hex_at(std::string_view s, std::size_t at, std::size_t digits) {
    if (at + digits > s.size())
        return std::nullopt;
    return hex_number(s.substr(at, digits));
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
            append_utf8(out, *c);
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
