#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

enum class iconv_stop { end, invalid_sequence, truncated_input };

struct iconv_progress {
    std::size_t consumed; // input bytes converted before the stop
    iconv_stop stop;
};

// The one owner of an iconv descriptor in govmon: every transcoding goes through here.
class iconv_converter {
public:
    iconv_converter(std::string_view to, std::string_view from);
    ~iconv_converter();
    iconv_converter(const iconv_converter&) = delete;
    iconv_converter& operator=(const iconv_converter&) = delete;

    // False when iconv knows one of the two encodings by no such name.
    bool valid() const noexcept;

    // Appends the conversion of bytes to out up to their end or the first sequence the source
    // encoding cannot explain.
    iconv_progress convert_some(std::string_view bytes, std::string& out);

    // Back to the initial shift state, for converting unrelated pieces one after another.
    void reset() noexcept;

private:
    void* cd_;
};

// What a sequence cut by the end of the input becomes: one U+FFFD (WHATWG decode), or a U+FFFD
// per byte that cannot start a sequence (what the feed reader has always done).
enum class truncated_tail { one_replacement, replace_each_byte };

// The text of `bytes` in UTF-8 (the converter's target must be UTF-8): each byte the source
// encoding cannot explain becomes U+FFFD, so the result is always valid UTF-8.
std::string convert_with_replacements(iconv_converter& to_utf8, std::string_view bytes,
                                      truncated_tail tail);

struct strict_conversion {
    std::optional<std::string> text; // nullopt when a sequence cannot be converted
    std::size_t failed_at = 0;       // the offset of that sequence
};

// All or nothing: the whole of `bytes` converted, or where the conversion failed.
strict_conversion convert_strictly(std::string_view bytes, std::string_view to,
                                   std::string_view from);

} // namespace govmon
