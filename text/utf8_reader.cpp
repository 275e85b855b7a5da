#include "text/utf8_reader.hpp"

namespace govmon {

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
