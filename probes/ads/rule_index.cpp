#include "probes/ads/rule_index.hpp"

#include "probes/ads/url_pattern.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace govmon {
namespace {

// Calls visit(begin, end) for each maximal run of token characters.
template <typename Visit> void for_each_token(std::string_view text, Visit&& visit) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_token_char(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < text.size() && is_token_char(text[i])) {
            ++i;
        }
        visit(begin, i);
    }
}

bool is_host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// `||ads.example.com^…`: the host a URL must have (or be under) for the rule to match. Only
// when the host is followed by something that ends a host; `||ads.example` alone also hits
// ads.example.net and is left to the token index.
std::optional<std::string_view> anchored_host(const network_rule& rule, std::string_view pattern) {
    if (rule.anchor != left_anchor::host) {
        return std::nullopt;
    }
    const auto end = std::find_if_not(pattern.begin(), pattern.end(), is_host_char);
    const std::string_view host =
        pattern.substr(0, static_cast<std::size_t>(end - pattern.begin()));
    if (host.empty() || host.starts_with('.') || host.ends_with('.') || end == pattern.end() ||
        (*end != '^' && *end != '/' && *end != ':')) {
        return std::nullopt;
    }
    return host;
}

// Tokens so frequent in URLs that a bucket under them would hold most of a list.
bool is_weak_token(std::string_view token) {
    static constexpr std::array<std::string_view, 14> weak{"http", "https", "www", "com",  "cn",
                                                           "net",  "org",   "js",  "html", "htm",
                                                           "php",  "jpg",   "gif", "png"};
    return std::find(weak.begin(), weak.end(), token) != weak.end();
}

// A token is usable only when a URL the rule matches must hold it as a whole token: neither
// end may touch a `*` or an unanchored end of the pattern, where the URL's token could go on.
std::optional<std::string_view> best_token(const network_rule& rule, std::string_view lower) {
    const auto better = [](std::string_view a, std::string_view b) {
        if (is_weak_token(a) != is_weak_token(b)) {
            return is_weak_token(b);
        }
        return a.size() > b.size();
    };
    std::optional<std::string_view> best;
    for_each_token(lower, [&](std::size_t begin, std::size_t end) {
        const bool left_bounded =
            begin == 0 ? rule.anchor != left_anchor::none : lower[begin - 1] != '*';
        const bool right_bounded = end == lower.size() ? rule.right_anchor : lower[end] != '*';
        const std::string_view token = lower.substr(begin, end - begin);
        if (left_bounded && right_bounded && (!best || better(token, *best))) {
            best = token;
        }
    });
    return best;
}

void append(const std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>& map,
            std::string_view key, std::vector<std::uint32_t>& out) {
    if (const auto it = map.find(key_hash(key)); it != map.end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
    }
}

} // namespace

void rule_index::add(const network_rule& rule, std::uint32_t id) {
    const std::string lower = lower_ascii(rule.pattern);
    if (const auto host = anchored_host(rule, lower)) {
        by_host_[key_hash(*host)].push_back(id);
        return;
    }
    if (const auto token = best_token(rule, lower)) {
        by_token_[key_hash(*token)].push_back(id);
        return;
    }
    tokenless_.push_back(id);
}

void rule_index::candidates(std::string_view lower_url, host_span host,
                            std::vector<std::uint32_t>& out) const {
    out.clear();
    const std::string_view host_text = lower_url.substr(host.begin, host.size);
    for (std::size_t label = 0; label < host_text.size();) {
        append(by_host_, host_text.substr(label), out);
        const std::size_t dot = host_text.find('.', label);
        label = dot == std::string_view::npos ? host_text.size() : dot + 1;
    }
    for_each_token(lower_url, [&](std::size_t begin, std::size_t end) {
        append(by_token_, lower_url.substr(begin, end - begin), out);
    });
    out.insert(out.end(), tokenless_.begin(), tokenless_.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

} // namespace govmon
