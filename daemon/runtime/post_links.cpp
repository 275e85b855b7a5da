#include "post_links.hpp"

#include "probes/site/link_status.hpp"
#include "text/host_names.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

namespace govmon {
namespace {

// The platforms' own domains: their pages need the platform's cookies, and a probe of them is a
// visit the platform did not ask for.
constexpr std::array<std::string_view, 14> platform_domains{
    "weibo.com",  "weibo.cn",           "sinaimg.cn",   "t.cn",      "qq.com",      "qpic.cn",
    "douyin.com", "douyinpic.com",      "bilibili.com", "hdslb.com", "toutiao.com", "kuaishou.com",
    "ixigua.com", "baijiahao.baidu.com"};

bool on_platform(std::string_view host, std::string_view post_host) {
    return host == post_host ||
           std::any_of(platform_domains.begin(), platform_domains.end(),
                       [&](std::string_view d) { return host_is_under(host, d); });
}

struct post_link {
    std::string url;
    std::string post;
};

std::vector<post_link> links_to_check(const account_result& result,
                                      const std::set<std::string>& skip, std::size_t budget) {
    std::vector<post_link> out;
    std::set<std::string> seen = skip;
    for (const post_text& post : result.posts) {
        const std::string post_host = host_of(post.url);
        for (const std::string& link : post.links) {
            const std::string host = host_of(link);
            if (out.size() >= budget)
                return out;
            if (host.empty() || link == post.url || on_platform(host, post_host) ||
                !seen.insert(link).second)
                continue;
            out.push_back({link, post.url});
        }
    }
    return out;
}

asio::awaitable<link_status> fetch_status(http::client& client, const std::string& url) {
    http::request req;
    req.url = url;
    if (has_resource_extension(url)) {
        req.method = "HEAD";
        const http::response head = co_await client.fetch(req);
        if (head.ok())
            co_return status_of(head);
        req.method = "GET";
    }
    const http::response r = co_await client.fetch(req);
    co_return status_of(r);
}

} // namespace

asio::awaitable<std::vector<broken_link>> check_post_links(http::client& client,
                                                           const account_result& result,
                                                           const std::set<std::string>& skip,
                                                           external_link_cache& checked,
                                                           std::size_t budget) {
    std::vector<broken_link> broken;
    for (const post_link& link : links_to_check(result, skip, budget)) {
        link_status status;
        if (const auto cached = checked.find(link.url); cached != checked.end()) {
            status = cached->second;
        } else {
            status = co_await fetch_status(client, link.url);
            checked[link.url] = status;
        }
        if (status.ok || status.error == error_class::blocked)
            continue;
        broken.push_back({link.url, status, false, {link.post}, 1});
    }
    co_return broken;
}

} // namespace govmon
