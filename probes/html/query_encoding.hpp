#pragma once

#include <string>
#include <string_view>

namespace govmon::html {

// A reference as written in a page, with the non-ASCII characters of its query
// percent-encoded in the page's encoding: browsers do so (WHATWG URL, "query" state with the
// document's encoding), and GBK-era search and list pages only answer `?q=%BA%FE%B1%B1`, not
// the UTF-8 escapes. The path and fragment are left alone (always UTF-8); so is everything
// when `charset` (decode_html's name) is UTF-8, UTF-16 or unknown to iconv. A character the
// encoding lacks becomes the escaped `&#N;` a browser sends.
std::string encode_query_for_document(std::string_view reference, std::string_view charset);

} // namespace govmon::html
