#include "probes/html/html_decode.hpp"
#include "probes/ascii_text.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <utility>
#include <vector>

namespace govmon::html {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";
constexpr std::size_t prescan_limit = 1024;

bool starts_with_nocase(std::string_view s, std::size_t pos, std::string_view prefix) {
    if (s.size() - std::min(pos, s.size()) < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (ascii_lower(s[pos + i]) != prefix[i])
            return false;
    return true;
}

// ---- UTF-8 -------------------------------------------------------------------------------

enum class utf8_status { valid, invalid, truncated };

struct utf8_step {
    std::size_t length; // of the sequence, or of its maximal ill-formed prefix (Unicode §3.9)
    utf8_status status;
};

utf8_step utf8_step_at(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80)
        return {1, utf8_status::valid};
    std::size_t continuations = 0;
    unsigned char low = 0x80, high = 0xBF; // the range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // overlong
        high = lead == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;  // overlong
        high = lead == 0xF4 ? 0x8F : 0xBF; // beyond U+10FFFF
    } else {
        return {1, utf8_status::invalid};
    }
    for (std::size_t k = 1; k <= continuations; ++k) {
        if (i + k >= s.size())
            return {k, utf8_status::truncated};
        const auto c = static_cast<unsigned char>(s[i + k]);
        if (c < low || c > high)
            return {k, utf8_status::invalid};
        low = 0x80;
        high = 0xBF;
    }
    return {continuations + 1, utf8_status::valid};
}

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

class converter {
public:
    explicit converter(const char* from) : cd_(::iconv_open("UTF-8", from)) {}
    ~converter() {
        if (valid())
            ::iconv_close(cd_);
    }
    converter(const converter&) = delete;
    converter& operator=(const converter&) = delete;

    bool valid() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return cd_; }

private:
    iconv_t cd_;
};

const char* iconv_name(const std::string& charset) {
    if (charset == "gb18030")
        return "GB18030";
    if (charset == "big5")
        return "BIG5-HKSCS"; // WHATWG's big5 is Big5-HKSCS
    if (charset == "windows-1252")
        return "CP1252";
    return charset.c_str();
}

// Every byte sequence the charset cannot explain becomes one U+FFFD; nullopt if iconv does not
// know the charset.
std::optional<std::string> transcode(std::string_view bytes, const std::string& charset) {
    const converter cd(iconv_name(charset));
    if (!cd.valid())
        return std::nullopt;
    std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
    // glibc's iconv takes char** for its input but never writes through it.
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t written = 0;
    while (in_left > 0) {
        char* dst = out.data() + written;
        std::size_t dst_left = out.size() - written;
        const std::size_t rc = ::iconv(cd.get(), &in, &in_left, &dst, &dst_left);
        written = out.size() - dst_left;
        if (rc != static_cast<std::size_t>(-1))
            break;
        const int error = errno;
        if (error == E2BIG || out.size() - written < replacement_character.size()) {
            out.resize(out.size() * 2);
            continue;
        }
        out.replace(written, replacement_character.size(), replacement_character);
        written += replacement_character.size();
        if (error == EILSEQ) {
            ++in; // the next byte may start a valid sequence (an ASCII trail byte, say)
            --in_left;
        } else {
            in_left = 0; // EINVAL: the body ends inside a sequence
        }
    }
    out.resize(written);
    return out;
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

struct charset_label {
    std::string_view label;
    std::string_view encoding;
};

// The WHATWG label table, for the encodings Chinese sites use (plus "euc-cn", which they send).
constexpr std::array<charset_label, 50> known_labels{{
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"},
    {"unicode20utf8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"gb18030", "gb18030"},
    {"gbk", "gb18030"},
    {"gb2312", "gb18030"},
    {"gb_2312", "gb18030"},
    {"gb_2312-80", "gb18030"},
    {"x-gbk", "gb18030"},
    {"chinese", "gb18030"},
    {"csgb2312", "gb18030"},
    {"iso-ir-58", "gb18030"},
    {"csiso58gb231280", "gb18030"},
    {"cp936", "gb18030"},
    {"ms936", "gb18030"},
    {"windows-936", "gb18030"},
    {"euc-cn", "gb18030"},
    {"big5", "big5"},
    {"big5-hkscs", "big5"},
    {"cn-big5", "big5"},
    {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"unicode", "utf-16le"},
    {"ucs-2", "utf-16le"},
    {"csunicode", "utf-16le"},
    {"iso-10646-ucs-2", "utf-16le"},
    {"unicodefeff", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"unicodefffe", "utf-16be"},
    {"windows-1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"l1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
}};

} // namespace

std::optional<std::string> canonical_charset(std::string_view label) {
    std::string name{trim_ascii_space(label)};
    std::transform(name.begin(), name.end(), name.begin(), ascii_lower);
    if (name.empty())
        return std::nullopt;
    const auto known = std::find_if(known_labels.begin(), known_labels.end(),
                                    [&](const charset_label& l) { return l.label == name; });
    if (known != known_labels.end())
        return std::string{known->encoding};
    // Any other label iconv can read is used as is (shift_jis, euc-kr, koi8-r...).
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.' || c == ':';
    });
    if (!plain || !converter(name.c_str()).valid())
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
