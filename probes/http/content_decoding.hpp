#pragma once

#include "probes/error_class.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace govmon::http {

struct decoded_content {
    error_class error = error_class::none; // too_large, or parse for a body we cannot read
    std::string detail;
    std::string body;
};

// The body as the server meant it, per its Content-Encoding (RFC 9110 §8.4): gzip, x-gzip and
// deflate (zlib-wrapped, or raw as some servers send it), several applied in the order listed;
// identity and an empty value leave it as is. `max_body` bounds the decoded size, so a small
// compressed body that expands without end is refused as too_large instead of filling memory.
decoded_content decode_content(std::string_view content_encoding, std::string body,
                               std::uint64_t max_body);

} // namespace govmon::http
