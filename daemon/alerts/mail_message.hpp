#pragma once

#include "daemon/common/zone_rules.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// An alert mail before it is put on the wire.
struct mail_message {
    std::string from_address; // govmon@example.gov.cn
    std::string from_name;    // any UTF-8 text
    std::vector<std::string> to;
    std::string subject;   // any UTF-8 text
    std::int64_t date = 0; // UTC epoch seconds, shown in `zone` (the default zone without one)
    std::shared_ptr<const zone_rules> zone;
    std::string message_id; // without the angle brackets: id@domain
    std::string text;       // the text/plain part, UTF-8
    std::string html;       // the text/html part, UTF-8
};

// RFC 5322 text with CRLF line ends: UTF-8 headers as RFC 2047 encoded words, a
// multipart/alternative body with base64 text/plain and text/html parts. Header values built
// from config or network text never break out of their header: control characters, CR and LF
// among them, are replaced by spaces before encoding.
std::string render_message(const mail_message& m);

// `Subject: 你好` as one or more RFC 2047 encoded words, folded to stay under 78 columns;
// printable ASCII without long words is left as it is.
std::string encode_header_text(std::string_view utf8, std::size_t header_name_length);

// "Mon, 23 Nov 2026 21:40:00 +0800" (RFC 5322 §3.3).
std::string rfc5322_date(std::int64_t epoch_seconds, const zone_rules& zone);

// The domain of the From address, for Message-IDs; "govmon.invalid" when there is none.
std::string message_id_domain(std::string_view from_address);

// A From display name: letters, digits, spaces, '-' and '_' as they are, anything else as one
// encoded word (a display name is short; a comma or quote must never reach the header raw).
std::string encode_display_name(std::string_view utf8);

} // namespace govmon
