#include "probes/site/interaction_channels.hpp"

#include "probes/http/url.hpp"
#include "probes/site/node_text.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <span>

namespace govmon {
namespace {

// A menu entry (人民群众留言入口, 企业、个体户留言入口), not an article title that mentions 咨询.
constexpr std::size_t channel_label_max_chars = 12;

constexpr std::array<std::string_view, 9> channel_words{"留言", "信箱", "咨询", "互动", "政民",
                                                        "诉求", "来信", "问政", "建言"};
constexpr std::array<std::string_view, 9> excluded_words{"信访", "纪检", "举报", "访谈", "直播",
                                                         "调查", "征集", "统计", "监督"};
constexpr std::array<std::string_view, 7> channel_slugs{"hd",   "hdjl",   "zmhd", "gzhd",
                                                        "jact", "liuyan", "wyly"};

bool contains_any(std::string_view text, std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [text](std::string_view word) {
        return text.find(word) != std::string_view::npos;
    });
}

bool is_under(std::string_view host, std::string_view site_host) {
    if (site_host.starts_with("www."))
        site_host.remove_prefix(4);
    return !site_host.empty() &&
           (host == site_host || (host.size() > site_host.size() && host.ends_with(site_host) &&
                                  host[host.size() - site_host.size() - 1] == '.'));
}

bool has_channel_slug(std::string_view url, std::string_view site_host) {
    const auto parsed = http::parse_url(url);
    if (!parsed || !is_under(parsed->host, site_host))
        return false;
    if (parsed->host.starts_with("liuyan."))
        return true;
    std::string_view path = parsed->target;
    path = path.substr(0, std::min(path.find('?'), path.size()));
    while (!path.empty()) {
        path.remove_prefix(1);
        const std::string_view segment = path.substr(0, path.find('/'));
        if (std::find(channel_slugs.begin(), channel_slugs.end(), segment) != channel_slugs.end())
            return true;
        path.remove_prefix(std::min(segment.size(), path.size()));
    }
    return false;
}

} // namespace

bool is_interaction_channel(std::string_view text, std::string_view url,
                            std::string_view site_host) {
    if (text.empty() || char_count(text) > channel_label_max_chars ||
        contains_any(text, excluded_words))
        return false;
    return contains_any(text, channel_words) || has_channel_slug(url, site_host);
}

std::vector<channel_link> find_interaction_channels(const std::vector<html::page_link>& links,
                                                    std::string_view page_url, std::size_t limit) {
    const auto page = http::parse_url(page_url);
    const std::string site_host = page ? page->host : std::string{};
    std::vector<channel_link> found;
    std::set<std::string> seen;
    for (const html::page_link& link : links) {
        if (found.size() >= limit)
            break;
        if ((link.element != "a" && link.element != "area") || !link.resolved ||
            !is_interaction_channel(link.text, link.url, site_host) ||
            !seen.insert(link.url).second)
            continue;
        found.push_back({link.text, link.url});
    }
    return found;
}

} // namespace govmon
