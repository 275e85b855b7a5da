#include "probes/html/query_encoding.hpp"

#include "text/charset_names.hpp"
#include "text/iconv_converter.hpp"
#include "text/utf8_reader.hpp"

#include <algorithm>
#include <optional>

namespace govmon::html {

namespace {

bool query_stays_utf8(std::string_view charset) {
    return charset.empty() || charset == "utf-8" || charset.starts_with("utf-16");
}

// The bytes of one UTF-8 character in the target encoding; nullopt if it has none.
std::optional<std::string> encode_character(iconv_converter& to, std::string_view character) {
    to.reset();
    std::string out;
    const iconv_progress progress = to.convert_some(character, out);
    if (progress.stop != iconv_stop::end || progress.consumed != character.size())
        return std::nullopt;
    return out;
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

std::string encode_query(std::string_view query, iconv_converter& to) {
    std::string out;
    for (std::size_t i = 0; i < query.size();) {
        const auto lead = static_cast<unsigned char>(query[i]);
        if (lead < 0x80) {
            out += query[i++];
            continue;
        }
        const std::string_view character = query.substr(i, utf8_step_at(query, i).length);
        i += character.size();
        if (auto bytes = encode_character(to, character))
            append_escaped(out, *bytes);
        else
            out += "%26%23" + std::to_string(utf8_code_point(character)) + "%3B";
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
    iconv_converter to{iconv_name(charset), "UTF-8"};
    if (!to.valid())
        return std::string{reference};
    return std::string{reference.substr(0, question + 1)} + encode_query(query, to) +
           std::string{reference.substr(query_end)};
}

} // namespace govmon::html
