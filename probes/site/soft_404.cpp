#include "soft_404.hpp"

#include <array>
#include <cctype>
#include <functional>

namespace govmon {
namespace {

// Phrases of error pages. In a title only the unambiguous ones count: a notice titled
// "关于解决群众办事找不到窗口问题的通知" is not an error page.
constexpr std::array<std::string_view, 8> title_phrases{
    "页面不存在", "页面未找到", "页面没有找到", "访问的页面不存在",
    "Not Found",  "not found",  "404错误",      "错误404"};
// A bare "404" in the text is not one: a list page may show "关于第404项工作的通知".
constexpr std::array<std::string_view, 8> text_phrases{"页面不存在", "页面未找到",   "无法找到",
                                                       "找不到",     "信息不存在",   "已被删除",
                                                       "不存在或已", "404 Not Found"};

// A page this long is an article that may mention "找不到"; error pages are short.
constexpr std::size_t short_page_bytes = 1500;

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& phrases) {
    for (std::string_view phrase : phrases)
        if (text.find(phrase) != std::string_view::npos)
            return true;
    return false;
}

bool ascii_boundary(std::string_view text, std::size_t at) {
    if (at >= text.size())
        return true;
    const auto c = static_cast<unsigned char>(text[at]);
    return c < 0x80 && !std::isalnum(c);
}

// "404 - 页面", "Error 404", "404": but not "第404号文章", whose neighbours are text.
bool has_standalone_404(std::string_view title) {
    for (auto at = title.find("404"); at != std::string_view::npos; at = title.find("404", at + 1))
        if ((at == 0 || ascii_boundary(title, at - 1)) && ascii_boundary(title, at + 3))
            return true;
    return false;
}

} // namespace

page_signature signature_of(std::string_view title, std::string_view visible_text) {
    std::string kept;
    kept.reserve(visible_text.size());
    for (char c : visible_text)
        if (!std::isdigit(static_cast<unsigned char>(c)) &&
            !std::isspace(static_cast<unsigned char>(c)))
            kept.push_back(c);
    return {std::string(title), std::hash<std::string>{}(kept), kept.empty()};
}

bool says_not_found(std::string_view title, std::string_view visible_text) {
    return has_standalone_404(title) || contains_any(title, title_phrases) ||
           text_says_not_found(visible_text);
}

bool text_says_not_found(std::string_view visible_text) {
    return visible_text.size() < short_page_bytes && contains_any(visible_text, text_phrases);
}

bool looks_like(const page_signature& page, const page_signature& site_not_found) {
    return !site_not_found.empty && page.title == site_not_found.title &&
           page.text_hash == site_not_found.text_hash;
}

} // namespace govmon
