#include "probes/html/query_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <optional>

namespace govmon::html {

namespace {

bool query_stays_utf8(std::string_view charset) {
    return charset.empty() || charset == "utf-8" || charset.starts_with("utf-16");
}

// html_decode's names, spelled the way glibc's iconv knows them.
std::string iconv_target(std::string_view charset) {
    if (charset == "gb18030")
        return "GB18030";
    if (charset == "big5")
        return "BIG5-HKSCS";
    if (charset == "windows-1252")
        return "CP1252";
    return std::string{charset};
}

class encoder {
public:
    explicit encoder(const std::string& to) : cd_(::iconv_open(to.c_str(), "UTF-8")) {}
    ~encoder() {
        if (valid())
            ::iconv_close(cd_);
    }
    encoder(const encoder&) = delete;
    encoder& operator=(const encoder&) = delete;

    bool valid() const { return cd_ != reinterpret_cast<iconv_t>(-1); }

    // The bytes of one UTF-8 character in the target encoding; nullopt if it has none.
    std::optional<std::string> encode(std::string_view character) {
        ::iconv(cd_, nullptr, nullptr, nullptr, nullptr);
        char out[16];
        // glibc's iconv takes char** for its input but never writes through it.
        char* in = const_cast<char*>(character.data());
        std::size_t in_left = character.size();
        char* dst = out;
        std::size_t dst_left = sizeof out;
        if (::iconv(cd_, &in, &in_left, &dst, &dst_left) == static_cast<std::size_t>(-1) ||
            in_left != 0)
            return std::nullopt;
        return std::string(out, static_cast<std::size_t>(dst - out));
    }

private:
    iconv_t cd_;
};

std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0)
        return 4;
    if (lead >= 0xE0)
        return 3;
    return lead >= 0xC0 ? 2 : 1;
}

char32_t code_point(std::string_view character) {
    const auto lead = static_cast<unsigned char>(character[0]);
    const std::size_t n = character.size();
    char32_t cp = n == 1 ? lead : lead & (0x7F >> n);
    for (std::size_t i = 1; i < n; ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(character[i]) & 0x3F);
    return cp;
}

void append_escaped(std::string& out, std::string_view bytes) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out += '%';
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
}

std::string encode_query(std::string_view query, encoder& to) {
    std::string out;
    for (std::size_t i = 0; i < query.size();) {
        const auto lead = static_cast<unsigned char>(query[i]);
        if (lead < 0x80) {
            out += query[i++];
            continue;
        }
        const std::string_view character = query.substr(i, utf8_length(lead));
        i += character.size();
        if (auto bytes = to.encode(character))
            append_escaped(out, *bytes);
        else
            out += "%26%23" + std::to_string(code_point(character)) + "%3B";
    }
    return out;
}

} // namespace

std::string encode_query_for_document(std::string_view reference, std::string_view charset) {
    const std::size_t fragment = reference.find('#');
    const std::size_t question = reference.substr(0, fragment).find('?');
    if (question == std::string_view::npos || query_stays_utf8(charset))
        return std::string{reference};
    const std::size_t query_end = fragment == std::string_view::npos ? reference.size() : fragment;
    const std::string_view query = reference.substr(question + 1, query_end - question - 1);
    const bool all_ascii = std::all_of(query.begin(), query.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (all_ascii)
        return std::string{reference};
    encoder to{iconv_target(charset)};
    if (!to.valid())
        return std::string{reference};
    return std::string{reference.substr(0, question + 1)} + encode_query(query, to) +
           std::string{reference.substr(query_end)};
}

} // namespace govmon::html
