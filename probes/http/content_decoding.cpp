#include "probes/http/content_decoding.hpp"

#include "text/ascii_text.hpp"

#include <zlib.h>

#include <algorithm>
#include <vector>

namespace govmon::http {

namespace {

enum class inflate_result { done, too_large, corrupt };

std::string lower_trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return lower_ascii(s);
}

std::vector<std::string> codings_of(std::string_view header) {
    std::vector<std::string> codings;
    while (!header.empty()) {
        const auto comma = header.find(',');
        auto coding = lower_trimmed(header.substr(0, comma));
        if (!coding.empty() && coding != "identity")
            codings.push_back(std::move(coding));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    }
    return codings;
}

// window_bits: 15 + 32 detects a gzip or zlib header, -15 reads a raw deflate stream.
inflate_result inflate_bounded(const std::string& in, int window_bits, std::uint64_t max_body,
                               std::string& out) {
    z_stream stream{};
    if (inflateInit2(&stream, window_bits) != Z_OK)
        return inflate_result::corrupt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    stream.avail_in = static_cast<uInt>(in.size());
    out.clear();
    char chunk[16384];
    inflate_result result = inflate_result::corrupt;
    for (;;) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk);
        stream.avail_out = sizeof chunk;
        const int rc = inflate(&stream, Z_NO_FLUSH);
        const std::size_t produced = sizeof chunk - stream.avail_out;
        if (out.size() + produced > max_body) {
            result = inflate_result::too_large;
            break;
        }
        out.append(chunk, produced);
        if (rc == Z_STREAM_END) {
            result = inflate_result::done;
            break;
        }
        // Z_BUF_ERROR with input left means no progress is possible: a truncated stream.
        if (rc != Z_OK || (stream.avail_in == 0 && produced == 0))
            break;
    }
    inflateEnd(&stream);
    return result;
}

} // namespace

decoded_content decode_content(std::string_view content_encoding, std::string body,
                               std::uint64_t max_body) {
    decoded_content d;
    // Servers label empty answers (204, Content-Length: 0) with their usual coding too.
    const auto codings = body.empty() ? std::vector<std::string>{} : codings_of(content_encoding);
    // The last coding listed was applied last, so it comes off first.
    for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
        const std::string& coding = *it;
        if (coding != "gzip" && coding != "x-gzip" && coding != "deflate") {
            d.error = error_class::parse;
            d.detail = "unsupported Content-Encoding " + coding;
            return d;
        }
        std::string plain;
        auto result = inflate_bounded(body, 15 + 32, max_body, plain);
        if (result == inflate_result::corrupt && coding == "deflate")
            result = inflate_bounded(body, -15, max_body, plain);
        if (result == inflate_result::too_large) {
            d.error = error_class::too_large;
            d.detail = "decoded body over " + std::to_string(max_body) + " bytes";
            return d;
        }
        if (result == inflate_result::corrupt) {
            d.error = error_class::parse;
            d.detail = "corrupt " + coding + " body";
            return d;
        }
        body = std::move(plain);
    }
    d.body = std::move(body);
    return d;
}

} // namespace govmon::http
