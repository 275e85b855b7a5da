#include "daemon/config/text_encoding.hpp"

#include "text/iconv_converter.hpp"
#include "text/utf8_reader.hpp"

namespace govmon {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

} // namespace

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) {
    return convert_strictly(bytes, "UTF-8", "GB18030").text;
}

std::optional<std::string> utf8_to_gb18030(std::string_view utf8) {
    return convert_strictly(utf8, "GB18030", "UTF-8").text;
}

decoded_text decode_utf8_or_gbk(std::string_view bytes) {
    if (bytes.starts_with(utf8_bom)) {
        const std::string_view rest = bytes.substr(utf8_bom.size());
        if (is_valid_utf8(rest))
            return {std::string(rest), "UTF-8 with BOM", {}};
        return {std::nullopt, {}, "starts with a UTF-8 BOM but is not valid UTF-8"};
    }
    if (is_valid_utf8(bytes))
        return {std::string(bytes), "UTF-8", {}};
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        return {std::nullopt,
                {},
                "is UTF-16 (Excel \"Unicode text\"); save it as \"CSV UTF-8\" instead"};
    auto converted = convert_strictly(bytes, "UTF-8", "GB18030");
    if (converted.text)
        return {std::move(converted.text), "GB18030", {}};
    return {std::nullopt, {}, "is neither UTF-8 nor GBK text", converted.failed_at};
}

} // namespace govmon
