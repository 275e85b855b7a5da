#include "probes/ads/url_pattern.hpp"

namespace govmon {
namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ABP's separator class: anything but a letter, a digit or one of `_ - . %`. Bytes of UTF-8
// sequences are letters.
bool is_separator(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && !is_alnum(c) && c != '_' && c != '-' && c != '.' && c != '%';
}

bool pattern_char_matches(char p, char c) {
    return p == '^' ? is_separator(c) : p == c;
}

} // namespace

bool is_token_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%';
}

// Wildcard matching with backtracking to the last `*` only: linear in practice, and never
// worse than pattern × text, so no rule can make a URL expensive to test.
bool pattern_matches_at(std::string_view pattern, std::string_view text, std::size_t from,
                        bool to_end) {
    constexpr std::size_t none = std::string_view::npos;
    std::size_t p = 0;
    std::size_t t = from;
    std::size_t star = none;
    std::size_t star_text = 0;
    while (true) {
        if (p == pattern.size()) {
            if (!to_end || t == text.size()) {
                return true;
            }
        } else if (pattern[p] == '*') {
            star = p++;
            star_text = t;
            continue;
        } else if (t < text.size() && pattern_char_matches(pattern[p], text[t])) {
            ++p;
            ++t;
            continue;
        } else if (t == text.size() && pattern[p] == '^') {
            ++p; // the end of the URL counts as a separator
            continue;
        }
        if (star == none || star_text >= text.size()) {
            return false;
        }
        p = star + 1;
        t = ++star_text;
    }
}

std::uint64_t key_hash(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace govmon
