#include "text/iconv_converter.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>

namespace govmon {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

const iconv_t invalid_descriptor = reinterpret_cast<iconv_t>(-1);

iconv_t descriptor(void* cd) {
    return static_cast<iconv_t>(cd);
}

} // namespace

iconv_converter::iconv_converter(std::string_view to, std::string_view from)
    : cd_(::iconv_open(std::string(to).c_str(), std::string(from).c_str())) {}

iconv_converter::~iconv_converter() {
    if (valid())
        ::iconv_close(descriptor(cd_));
}

bool iconv_converter::valid() const noexcept {
    return descriptor(cd_) != invalid_descriptor;
}

void iconv_converter::reset() noexcept {
    if (valid())
        ::iconv(descriptor(cd_), nullptr, nullptr, nullptr, nullptr);
}

iconv_progress iconv_converter::convert_some(std::string_view bytes, std::string& out) {
    if (!valid())
        return {0, iconv_stop::invalid_sequence};
    // glibc's iconv takes char** for its input but never writes through it.
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::array<char, 4096> buffer;
    while (true) {
        char* dst = buffer.data();
        std::size_t room = buffer.size();
        const std::size_t rc = ::iconv(descriptor(cd_), &in, &in_left, &dst, &room);
        const int error = errno;
        out.append(buffer.data(), static_cast<std::size_t>(dst - buffer.data()));
        const std::size_t consumed = bytes.size() - in_left;
        if (rc != static_cast<std::size_t>(-1))
            return {consumed, iconv_stop::end};
        if (error == E2BIG)
            continue;
        return {consumed,
                error == EILSEQ ? iconv_stop::invalid_sequence : iconv_stop::truncated_input};
    }
}

std::string convert_with_replacements(iconv_converter& to_utf8, std::string_view bytes,
                                      truncated_tail tail) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const iconv_progress progress = to_utf8.convert_some(bytes.substr(pos), out);
        pos += progress.consumed;
        if (progress.stop == iconv_stop::end)
            break;
        out += replacement_character;
        const bool skip_one_byte = progress.stop == iconv_stop::invalid_sequence ||
                                   tail == truncated_tail::replace_each_byte;
        // After an invalid byte the next may start a valid sequence (an ASCII trail byte, say).
        pos = skip_one_byte ? pos + 1 : bytes.size();
    }
    return out;
}

strict_conversion convert_strictly(std::string_view bytes, std::string_view to,
                                   std::string_view from) {
    iconv_converter converter(to, from);
    if (!converter.valid())
        return {};
    std::string out;
    out.reserve(bytes.size() * 2);
    const iconv_progress progress = converter.convert_some(bytes, out);
    if (progress.stop != iconv_stop::end)
        return {std::nullopt, progress.consumed};
    return {std::move(out), 0};
}

} // namespace govmon
