#include "probes/site/site_identity.hpp"

#include <array>
#include <cctype>

namespace govmon {
namespace {

constexpr std::string_view code_label = "网站标识码";
constexpr std::string_view icp_mark = "ICP备";
constexpr std::size_t code_length = 10;

// The one-character abbreviations of the provinces that prefix an ICP number.
constexpr std::array<std::string_view, 31> provinces{
    "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
    "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼"};

bool is_space_at(std::string_view s, std::size_t i, std::size_t& length) {
    static constexpr std::array<std::string_view, 4> spaces{"\xc2\xa0", "\xe3\x80\x80", "&nbsp;",
                                                            "&#160;"};
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
        length = 1;
        return true;
    }
    for (std::string_view space : spaces)
        if (s.substr(i).starts_with(space)) {
            length = space.size();
            return true;
        }
    return false;
}

// The markup without tags, comments' brackets and every kind of space.
std::string squeezed(std::string_view markup) {
    std::string out;
    out.reserve(markup.size() / 2);
    bool in_tag = false;
    for (std::size_t i = 0; i < markup.size();) {
        const char c = markup[i];
        std::size_t length = 1;
        if (in_tag)
            in_tag = c != '>';
        else if (c == '<')
            in_tag = true;
        else if (!is_space_at(markup, i, length))
            out += c;
        i += length;
    }
    return out;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::optional<std::string> code_after(std::string_view text) {
    for (std::size_t at = text.find(code_label); at != std::string_view::npos;
         at = text.find(code_label, at + 1)) {
        std::string_view rest = text.substr(at + code_label.size());
        for (std::string_view colon : {":", "：", "为"})
            if (rest.starts_with(colon))
                rest.remove_prefix(colon.size());
        if (rest.size() < code_length)
            continue;
        const std::string_view code = rest.substr(0, code_length);
        const bool ministry =
            (code[0] == 'b' || code[0] == 'B') && (code[1] == 'm' || code[1] == 'M');
        bool digits = true;
        for (std::size_t i = ministry ? 2 : 0; i < code_length; ++i)
            digits = digits && is_digit(code[i]);
        if (digits)
            return std::string{code};
    }
    return std::nullopt;
}

std::optional<std::string> icp_in(std::string_view text) {
    for (std::size_t at = text.find(icp_mark); at != std::string_view::npos;
         at = text.find(icp_mark, at + 1)) {
        if (at < 3)
            continue;
        const std::string_view province = text.substr(at - 3, 3);
        bool known = false;
        for (std::string_view p : provinces)
            known = known || p == province;
        std::size_t end = at + icp_mark.size();
        const std::size_t digits_from = end;
        while (end < text.size() && is_digit(text[end]))
            ++end;
        if (!known || end == digits_from)
            continue;
        const std::string_view hao = "号";
        if (text.substr(end).starts_with(hao)) {
            end += hao.size();
            if (end + 1 < text.size() && text[end] == '-' && is_digit(text[end + 1])) {
                ++end;
                while (end < text.size() && is_digit(text[end]))
                    ++end;
            }
        }
        return std::string{text.substr(at - 3, end - (at - 3))};
    }
    return std::nullopt;
}

} // namespace

site_identity read_site_identity(std::string_view markup) {
    const std::string text = squeezed(markup);
    return {code_after(text), icp_in(text)};
}

} // namespace govmon
