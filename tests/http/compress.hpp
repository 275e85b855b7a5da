#pragma once

#include <zlib.h>

#include <string>
#include <string_view>

namespace govmon::test {

// `text` compressed as a gzip (window_bits 31), zlib (15) or raw deflate (-15) stream.
inline std::string compress(std::string_view text, int window_bits) {
    z_stream s{};
    deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&s, static_cast<uLong>(text.size())), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    s.avail_in = static_cast<uInt>(text.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

inline std::string gzip(std::string_view text) {
    return compress(text, 31);
}

} // namespace govmon::test
