#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// The WHATWG encoding a charset label names ("GBK", " gb2312 " → "gb18030": GB2312 and GBK
// pages use characters only their superset GB18030 defines), for the encodings Chinese sites
// use; nullopt for a label the table does not list. Case and surrounding ASCII space ignored.
std::optional<std::string_view> whatwg_encoding(std::string_view label);

// The name glibc's iconv knows a WHATWG encoding by ("big5" → "BIG5-HKSCS"); any other name
// is returned as it is.
std::string iconv_name(std::string_view encoding);

} // namespace govmon
