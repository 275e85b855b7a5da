#include "daemon/config/text_encoding.hpp"

#include "daemon/common/utf8.hpp"

#include <iconv.h>

#include <cerrno>

namespace govmon {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

class iconv_handle {
public:
    iconv_handle(const char* to, const char* from) : cd_(::iconv_open(to, from)) {}
    ~iconv_handle() {
        if (valid())
            ::iconv_close(cd_);
    }
    iconv_handle(const iconv_handle&) = delete;
    iconv_handle& operator=(const iconv_handle&) = delete;

    bool valid() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return cd_; }

private:
    iconv_t cd_;
};

struct conversion {
    std::optional<std::string> text;
    std::size_t failed_at = 0;
};

conversion convert(std::string_view bytes, const char* to, const char* from) {
    iconv_handle cd(to, from);
    if (!cd.valid())
        return {};
    std::string input(bytes); // iconv wants a mutable char**
    std::string output(bytes.size() * 2 + 16, '\0');
    char* in = input.data();
    std::size_t in_left = input.size();
    std::size_t out_used = 0;
    while (in_left > 0) {
        char* out = output.data() + out_used;
        std::size_t out_left = output.size() - out_used;
        const std::size_t rc = ::iconv(cd.get(), &in, &in_left, &out, &out_left);
        out_used = static_cast<std::size_t>(out - output.data());
        if (rc != static_cast<std::size_t>(-1))
            continue;
        if (errno != E2BIG) // EILSEQ: invalid sequence, EINVAL: truncated at the end
            return {std::nullopt, static_cast<std::size_t>(in - input.data())};
        output.resize(output.size() * 2);
    }
    output.resize(out_used);
    return {std::move(output), 0};
}

} // namespace

bool is_valid_utf8(std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const std::size_t length = utf8_sequence_length(bytes, pos);
        if (length == 0)
            return false;
        pos += length;
    }
    return true;
}

std::optional<std::string> gb18030_to_utf8(std::string_view bytes) {
    return convert(bytes, "UTF-8", "GB18030").text;
}

std::optional<std::string> utf8_to_gb18030(std::string_view utf8) {
    return convert(utf8, "GB18030", "UTF-8").text;
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
    auto converted = convert(bytes, "UTF-8", "GB18030");
    if (converted.text)
        return {std::move(converted.text), "GB18030", {}};
    return {std::nullopt, {}, "is neither UTF-8 nor GBK text", converted.failed_at};
}

} // namespace govmon
