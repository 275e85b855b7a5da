#include "probes/accounts/bridge_routes.hpp"

#include "probes/accounts/account_text.hpp"

#include <array>

namespace govmon {
namespace {

// Routes as RSSHub names them (platforms.md §9); the parameter is always the last segment.
constexpr std::array<route_doc, 7> routes = {{
    {"weibo", "/weibo/user/:uid", "numeric Weibo uid",
     "needs WEIBO_COOKIES or puppeteer visitor cookies on the RSSHub side"},
    {"douyin", "/douyin/user/:sec_uid", "sec_uid (starts with MS4wLjABAAAA)",
     "puppeteer route; an empty list may be a WAF answer"},
    {"toutiao", "/toutiao/user/token/:token", "user token (MS4wLjABAAAA…)",
     "404 \"暂未发表作品\" means no posts, not a missing account"},
    {"kuaishou", "/kuaishou/profile/:principalId", "principalId",
     "items carry no pubDate: the probe reports no_timestamp"},
    {"bilibili", "/bilibili/user/dynamic/:uid", "numeric mid",
     "dynamics cover videos, text posts and reposts; /bilibili/user/video/:uid is videos only"},
    {"baijiahao", "/baidu/baijiahao/:id", "Baijiahao id as in the RSSHub route",
     "route added 2026-09; needs the ab_sr cookie flow inside RSSHub"},
    {"wechat", "", "-",
     "no route keyed by an account id: configure feed: (Wechat2RSS, WeWe RSS, WeRSS, RSSHub)"},
}};

std::string_view trim_trailing_slashes(std::string_view base) noexcept {
    while (base.ends_with('/')) {
        base.remove_suffix(1);
    }
    return base;
}

} // namespace

std::optional<std::string> bridge_feed_url(std::string_view rsshub_base, std::string_view platform,
                                           std::string_view uid) {
    auto base = trim_trailing_slashes(rsshub_base);
    if (base.empty() || uid.empty()) {
        return std::nullopt;
    }
    for (const auto& r : routes) {
        if (r.platform != platform || r.route.empty()) {
            continue;
        }
        auto prefix = r.route.substr(0, r.route.rfind('/') + 1);
        std::string url(base);
        url += prefix;
        url += account_text::percent_encode(uid);
        return url;
    }
    return std::nullopt;
}

std::vector<route_doc> documented_routes() {
    return {routes.begin(), routes.end()};
}

} // namespace govmon
