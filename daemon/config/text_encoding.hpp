#pragma once

#include "text/utf8_reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// Whole-input conversion with glibc's iconv; nullopt when any byte sequence is not GB18030
// (GB18030 is a superset of GBK and GB2312, so one converter reads all three).
std::optional<std::string> gb18030_to_utf8(std::string_view bytes);

std::optional<std::string> utf8_to_gb18030(std::string_view utf8);

// Registry exports come from Excel and WPS: UTF-8 with a BOM, plain UTF-8, or the legacy
// Chinese code page. The result is always UTF-8 without a BOM.
struct decoded_text {
    std::optional<std::string> utf8;
    std::string encoding; // "UTF-8", "UTF-8 with BOM", "GB18030"
    std::string error;
    std::size_t error_offset = 0; // the first byte that neither encoding could read
};
decoded_text decode_utf8_or_gbk(std::string_view bytes);

} // namespace govmon
