#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace govmon::html {

struct decoded_html {
    std::string utf8;    // always well-formed UTF-8; what the body could not explain is U+FFFD
    std::string charset; // the encoding used: "utf-8", "gb18030", "big5", "utf-16le", ...
};

// Decodes a response body in the WHATWG order: byte-order mark, the charset parameter of
// `content_type_header`, <meta charset> or <meta http-equiv=Content-Type> in the first 1024
// bytes, then a sniff (UTF-8 if the body reads as UTF-8, else GB18030). GBK, GB2312 and their
// aliases decode as GB18030, their superset. Never throws on content.
decoded_html decode_html(std::string_view body, std::string_view content_type_header);

// The encoding a charset label names, by the WHATWG label table for the encodings Chinese
// sites use, or the lower-cased label when iconv knows it; nullopt when nothing decodes it.
std::optional<std::string> canonical_charset(std::string_view label);

} // namespace govmon::html
