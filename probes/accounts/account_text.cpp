#include "probes/accounts/account_text.hpp"

#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>

namespace govmon::account_text {
namespace {

bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') {
        return ascii_lower(c) - 'a' + 10;
    }
    return -1;
}

bool is_unreserved(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

} // namespace

std::size_t find_icase(std::string_view haystack, std::string_view needle,
                       std::size_t from) noexcept {
    if (from > haystack.size()) {
        return std::string_view::npos;
    }
    auto it = std::search(haystack.begin() + static_cast<std::ptrdiff_t>(from), haystack.end(),
                          needle.begin(), needle.end(),
                          [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
    if (it == haystack.end() && !needle.empty()) {
        return std::string_view::npos;
    }
    return static_cast<std::size_t>(it - haystack.begin());
}

bool contains_icase(std::string_view haystack, std::string_view needle) noexcept {
    return find_icase(haystack, needle) != std::string_view::npos;
}

std::string_view trim(std::string_view text) noexcept {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.starts_with(bom)) {
        text.remove_prefix(bom.size());
    }
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool looks_like_html(std::string_view content_type, std::string_view body) noexcept {
    auto head = trim(body);
    if (starts_with_nocase(head, "<!doctype html") || starts_with_nocase(head, "<html")) {
        return true;
    }
    // A feed served as text/html is still a feed: only the body's first bytes can say so.
    bool xml_or_json = looks_like_feed(head) || looks_like_json(head);
    return !xml_or_json && contains_icase(content_type, "text/html") && head.starts_with('<');
}

bool looks_like_feed(std::string_view body) noexcept {
    auto head = trim(body);
    return head.starts_with("<?xml") || starts_with_nocase(head, "<rss") ||
           starts_with_nocase(head, "<feed") || starts_with_nocase(head, "<rdf");
}

bool looks_like_json(std::string_view body) noexcept {
    auto head = trim(body);
    return head.starts_with('{') || head.starts_with('[');
}

bool says_account_missing(std::string_view text) noexcept {
    static constexpr std::array<std::string_view, 8> phrases = {
        "用户不存在", "账号不存在", "帐号不存在",     "用户已注销",
        "账号已注销", "帐号已注销", "user not found", "user does not exist"};
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](std::string_view p) { return contains_icase(text, p); });
}

std::string percent_encode(std::string_view text) {
    static constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                    '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 0x0F]);
        }
    }
    return out;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int hi = hex_value(text[i + 1]);
            int lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

} // namespace govmon::account_text
