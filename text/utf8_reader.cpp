#include "text/utf8_reader.hpp"

namespace govmon {

utf8_step utf8_step_at(std::string_view s, std::size_t pos) {
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

std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
    const utf8_step step = utf8_step_at(s, pos);
    return step.status == utf8_status::valid ? step.length : 0;
}

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t length = utf8_sequence_length(bytes, pos);
        if (length == 0)
            return false;
        pos += length;
    }
    return true;
}

char32_t utf8_code_point(std::string_view sequence) {
    const auto lead = static_cast<unsigned char>(sequence[0]);
    const std::size_t n = sequence.size();
    char32_t cp = n == 1 ? lead : lead & (0x7F >> n);
    for (std::size_t i = 1; i < n; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(sequence[i]) & 0x3F);
    return cp;
}

} // namespace govmon
