#include "probes/dates/text_normalize.hpp"

#include <optional>

namespace govmon {
namespace {

constexpr char32_t invalid_code_point = 0xFFFFFFFF;
constexpr int ten_marker = 10;

struct code_point {
    char32_t value = invalid_code_point;
    std::size_t length = 1;
};

bool is_continuation(unsigned char byte) noexcept {
    return (byte & 0xC0) == 0x80;
}

// Lenient on purpose: pages carry broken bytes, and a broken byte must simply be copied.
code_point decode_utf8(std::string_view s, std::size_t pos) noexcept {
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = lead >= 0xF0 && lead <= 0xF4   ? 4
                         : lead >= 0xE0                 ? 3
                         : lead >= 0xC2 && lead <= 0xDF ? 2
                                                        : 0;
    if (length == 0 || pos + length > s.size())
        return {};
    char32_t value = lead & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(s[pos + i]);
        if (!is_continuation(byte))
            return {};
        value = (value << 6) | (byte & 0x3F);
    }
    return {value, length};
}

char ascii_equivalent(char32_t c) noexcept {
    if (c >= 0xFF10 && c <= 0xFF19)
        return static_cast<char>('0' + (c - 0xFF10));
    switch (c) {
    case 0xFF1A:
        return ':';
    case 0xFF0D:
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2212:
        return '-';
    case 0xFF0F:
        return '/';
    case 0xFF0E:
        return '.';
    case 0xFF0B:
        return '+';
    case 0xFF08:
        return '(';
    case 0xFF09:
        return ')';
    case 0xFF3B:
        return '[';
    case 0xFF3D:
        return ']';
    case 0x3000:
    case 0x00A0:
        return ' ';
    default:
        return '\0';
    }
}

// Digit value of a Chinese numeral, ten_marker for 十, nullopt for anything else.
std::optional<int> chinese_numeral_value(char32_t c) noexcept {
    switch (c) {
    case U'〇':
    case U'○':
    case U'零':
        return 0;
    case U'一':
        return 1;
    case U'二':
        return 2;
    case U'三':
        return 3;
    case U'四':
        return 4;
    case U'五':
        return 5;
    case U'六':
        return 6;
    case U'七':
        return 7;
    case U'八':
        return 8;
    case U'九':
        return 9;
    case U'十':
        return ten_marker;
    default:
        return std::nullopt;
    }
}

bool is_date_unit(char32_t c) noexcept {
    return c == U'年' || c == U'月' || c == U'日' || c == U'号';
}

// 二〇二六 → "2026" (years are read digit by digit); 十一 → "11", 三十 → "30", 二十一 → "21".
std::optional<std::string> chinese_numerals_to_digits(const std::vector<int>& values) {
    std::size_t ten_at = values.size();
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] == ten_marker) {
            if (ten_at != values.size())
                return std::nullopt;
            ten_at = i;
        }
    if (ten_at == values.size()) {
        std::string digits;
        for (int v : values)
            digits += static_cast<char>('0' + v);
        return digits;
    }
    if (ten_at > 1 || values.size() - ten_at > 2)
        return std::nullopt;
    const int tens = ten_at == 1 ? values[0] : 1;
    const int ones = ten_at + 1 < values.size() ? values[ten_at + 1] : 0;
    if (tens == 0 || (ten_at + 1 < values.size() && ones == 0))
        return std::nullopt;
    return std::to_string(tens * 10 + ones);
}

class normalizer {
public:
    explicit normalizer(std::string_view original) : original_(original) {}

    normalized_text run() {
        while (pos_ < original_.size()) {
            const code_point cp = decode_utf8(original_, pos_);
            if (chinese_numeral_value(cp.value)) {
                convert_or_copy_numeral_run();
            } else if (const char ascii = ascii_equivalent(cp.value)) {
                emit(ascii, pos_);
                pos_ += cp.length;
            } else {
                copy(cp.length);
            }
        }
        result_.source_offset.push_back(original_.size());
        return std::move(result_);
    }

private:
    void emit(char c, std::size_t source) {
        result_.text += c;
        result_.source_offset.push_back(source);
    }

    void copy(std::size_t length) {
        for (std::size_t i = 0; i < length; ++i, ++pos_)
            emit(original_[pos_], pos_);
    }

    void convert_or_copy_numeral_run() {
        const std::size_t start = pos_;
        std::vector<int> values;
        std::size_t end = pos_;
        while (end < original_.size()) {
            const code_point cp = decode_utf8(original_, end);
            const auto value = chinese_numeral_value(cp.value);
            if (!value)
                break;
            values.push_back(*value);
            end += cp.length;
        }
        const bool before_unit =
            end < original_.size() && is_date_unit(decode_utf8(original_, end).value);
        const auto digits = before_unit ? chinese_numerals_to_digits(values) : std::nullopt;
        if (!digits) {
            copy(end - start);
            return;
        }
        for (char d : *digits)
            emit(d, start);
        pos_ = end;
    }

    std::string_view original_;
    std::size_t pos_ = 0;
    normalized_text result_;
};

} // namespace

normalized_text normalize_date_text(std::string_view original) {
    return normalizer(original).run();
}

} // namespace govmon
