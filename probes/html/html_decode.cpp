#include "probes/html/html_decode.hpp"

#include "text/ascii_text.hpp"
#include "text/charset_names.hpp"
#include "text/iconv_converter.hpp"
#include "text/utf8_reader.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace govmon::html {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";
constexpr std::size_t prescan_limit = 1024;

// ---- UTF-8 -------------------------------------------------------------------------------

// WHATWG's UTF-8 decode: each maximal ill-formed subsequence becomes one U+FFFD.
std::string utf8_with_replacements(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto step = utf8_step_at(s, i);
        if (step.status == utf8_status::valid)
            out.append(s.substr(i, step.length));
        else
            out.append(replacement_character);
        i += step.length;
    }
    return out;
}

// GBK text forms a valid UTF-8 sequence now and then but mostly not, while a UTF-8 page with a
// stray Latin-1 byte pasted into it is overwhelmingly valid: a few errors among many valid
// multi-byte sequences still mean UTF-8. A sequence cut by a body-size limit is no error.
bool reads_as_utf8(std::string_view s) {
    constexpr std::size_t valid_per_error = 16;
    std::size_t multibyte = 0, errors = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto step = utf8_step_at(s, i);
        if (step.status == utf8_status::valid && step.length > 1)
            ++multibyte;
        else if (step.status == utf8_status::invalid)
            ++errors;
        i += step.length;
    }
    return errors == 0 || multibyte >= valid_per_error * errors;
}

// ---- iconv -------------------------------------------------------------------------------

// Every byte sequence the charset cannot explain becomes one U+FFFD; nullopt if iconv does not
// know the charset.
std::optional<std::string> transcode(std::string_view bytes, const std::string& charset) {
    iconv_converter to_utf8("UTF-8", iconv_name(charset));
    if (!to_utf8.valid())
        return std::nullopt;
    return convert_with_replacements(to_utf8, bytes, truncated_tail::one_replacement);
}

// ---- where the charset comes from --------------------------------------------------------

struct bom_match {
    std::string_view bytes;
    std::string_view charset;
};

std::optional<bom_match> byte_order_mark(std::string_view body) {
    static constexpr std::array<bom_match, 3> marks{{
        {"\xEF\xBB\xBF", "utf-8"},
        {"\xFF\xFE", "utf-16le"},
        {"\xFE\xFF", "utf-16be"},
    }};
    for (const auto& mark : marks)
        if (body.starts_with(mark.bytes))
            return mark;
    return std::nullopt;
}

std::string_view unquote(std::string_view s) {
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
        return s.substr(1, s.size() - 2);
    return s;
}

std::optional<std::string> header_charset(std::string_view content_type) {
    while (!content_type.empty()) {
        const auto semicolon = content_type.find(';');
        const auto param = content_type.substr(0, semicolon);
        content_type = semicolon == std::string_view::npos ? std::string_view{}
                                                           : content_type.substr(semicolon + 1);
        const auto eq = param.find('=');
        if (eq == std::string_view::npos)
            continue;
        const auto name = trim_ascii_space(param.substr(0, eq));
        if (name.size() == 7 && starts_with_nocase(name, 0, "charset"))
            return canonical_charset(unquote(trim_ascii_space(param.substr(eq + 1))));
    }
    return std::nullopt;
}

// WHATWG "extracting a character encoding from a meta element", on a lower-cased content value.
std::optional<std::string_view> charset_in_content(std::string_view s) {
    for (auto pos = s.find("charset"); pos != std::string_view::npos;
         pos = s.find("charset", pos)) {
        pos += 7;
        while (pos < s.size() && is_ascii_space(s[pos]))
            ++pos;
        if (pos >= s.size() || s[pos] != '=')
            continue;
        ++pos;
        while (pos < s.size() && is_ascii_space(s[pos]))
            ++pos;
        if (pos >= s.size())
            return std::nullopt;
        if (s[pos] == '"' || s[pos] == '\'') {
            const auto close = s.find(s[pos], pos + 1);
            if (close == std::string_view::npos)
                return std::nullopt;
            return s.substr(pos + 1, close - pos - 1);
        }
        const auto end = s.find_first_of(" \t\n\r\f;", pos);
        return s.substr(pos, end == std::string_view::npos ? end : end - pos);
    }
    return std::nullopt;
}

struct attribute {
    std::string name;
    std::string value;
};

// WHATWG prescan: one tag's attributes, names and values lower-cased, quoted or not.
class prescanner {
public:
    explicit prescanner(std::string_view head) : s_(head) {}

    std::optional<std::string> run() {
        while (pos_ < s_.size()) {
            if (s_.substr(pos_).starts_with("<!--")) {
                const auto end = s_.find("-->", pos_ + 2);
                if (end == std::string_view::npos)
                    return std::nullopt;
                pos_ = end + 3;
            } else if (starts_with_nocase(s_, pos_, "<meta") && pos_ + 5 < s_.size() &&
                       (is_ascii_space(s_[pos_ + 5]) || s_[pos_ + 5] == '/')) {
                pos_ += 5;
                if (auto found = meta_charset())
                    return found;
            } else if (at_tag_name()) {
                skip_tag();
            } else if (s_[pos_] == '<' && pos_ + 1 < s_.size() &&
                       (s_[pos_ + 1] == '!' || s_[pos_ + 1] == '/' || s_[pos_ + 1] == '?')) {
                const auto close = s_.find('>', pos_);
                pos_ = close == std::string_view::npos ? s_.size() : close + 1;
            } else {
                ++pos_;
            }
        }
        return std::nullopt;
    }

private:
    bool at_tag_name() const {
        auto letter = [&](std::size_t at) {
            return at < s_.size() && ascii_lower(s_[at]) >= 'a' && ascii_lower(s_[at]) <= 'z';
        };
        return s_[pos_] == '<' && (letter(pos_ + 1) || (pos_ + 1 < s_.size() &&
                                                        s_[pos_ + 1] == '/' && letter(pos_ + 2)));
    }

    // Other tags are read attribute by attribute so that a '>' inside quotes does not end them.
    void skip_tag() {
        while (pos_ < s_.size() && !is_ascii_space(s_[pos_]) && s_[pos_] != '>')
            ++pos_;
        while (next_attribute()) {
        }
    }

    std::optional<std::string> meta_charset() {
        std::vector<std::string> seen;
        bool got_pragma = false;
        std::optional<bool> need_pragma;
        std::string charset;
        while (auto attr = next_attribute()) {
            if (std::find(seen.begin(), seen.end(), attr->name) != seen.end())
                continue;
            seen.push_back(attr->name);
            if (attr->name == "http-equiv") {
                got_pragma = got_pragma || attr->value == "content-type";
            } else if (attr->name == "content" && charset.empty()) {
                if (auto value = charset_in_content(attr->value)) {
                    charset = *value;
                    need_pragma = true;
                }
            } else if (attr->name == "charset") {
                charset = attr->value;
                need_pragma = false;
            }
        }
        if (!need_pragma || (*need_pragma && !got_pragma))
            return std::nullopt;
        auto encoding = canonical_charset(charset);
        // A meta cannot claim UTF-16: the bytes that spelled it out were ASCII.
        if (encoding && encoding->starts_with("utf-16"))
            return "utf-8";
        return encoding;
    }

    std::optional<attribute> next_attribute() {
        while (pos_ < s_.size() && (is_ascii_space(s_[pos_]) || s_[pos_] == '/'))
            ++pos_;
        if (pos_ >= s_.size() || s_[pos_] == '>')
            return std::nullopt;
        attribute attr;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '=' && !attr.name.empty()) {
                ++pos_;
                attr.value = read_value();
                return attr;
            }
            if (is_ascii_space(c)) {
                while (pos_ < s_.size() && is_ascii_space(s_[pos_]))
                    ++pos_;
                if (pos_ < s_.size() && s_[pos_] == '=') {
                    ++pos_;
                    attr.value = read_value();
                }
                return attr;
            }
            if (c == '/' || c == '>')
                return attr;
            attr.name += ascii_lower(c);
            ++pos_;
        }
        return std::nullopt;
    }

    std::string read_value() {
        while (pos_ < s_.size() && is_ascii_space(s_[pos_]))
            ++pos_;
        std::string value;
        if (pos_ >= s_.size())
            return value;
        if (const char quote = s_[pos_]; quote == '"' || quote == '\'') {
            for (++pos_; pos_ < s_.size() && s_[pos_] != quote; ++pos_)
                value += ascii_lower(s_[pos_]);
            ++pos_;
            return value;
        }
        for (; pos_ < s_.size() && !is_ascii_space(s_[pos_]) && s_[pos_] != '>'; ++pos_)
            value += ascii_lower(s_[pos_]);
        return value;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

decoded_html decode_as(std::string_view bytes, std::string charset) {
    if (charset != "utf-8")
        if (auto text = transcode(bytes, charset))
            return {std::move(*text), std::move(charset)};
    return {utf8_with_replacements(bytes), "utf-8"};
}

} // namespace

std::optional<std::string> canonical_charset(std::string_view label) {
    if (auto known = whatwg_encoding(label))
        return std::string{*known};
    const std::string name = lower_ascii(trim_ascii_space(label));
    if (name.empty())
        return std::nullopt;
    // Any other label iconv can read is used as is (shift_jis, euc-kr, koi8-r...).
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.' || c == ':';
    });
    if (!plain || !iconv_converter("UTF-8", name).valid())
        return std::nullopt;
    return name;
}

decoded_html decode_html(std::string_view body, std::string_view content_type_header) {
    if (auto bom = byte_order_mark(body))
        return decode_as(body.substr(bom->bytes.size()), std::string{bom->charset});
    auto charset = header_charset(content_type_header);
    if (!charset)
        charset = prescanner(body.substr(0, prescan_limit)).run();
    if (!charset)
        charset = reads_as_utf8(body) ? "utf-8" : "gb18030";
    return decode_as(body, std::move(*charset));
}

} // namespace govmon::html
