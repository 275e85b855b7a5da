#include "probes/accounts/bridge_routes.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace govmon;

TEST_CASE("bridge routes: one RSSHub route per bridged platform") {
    const std::string base = "http://127.0.0.1:1200";
    CHECK(bridge_feed_url(base, "weibo", "2418542712") == base + "/weibo/user/2418542712");
    CHECK(bridge_feed_url(base, "douyin", "MS4wLjABAAAAabc") ==
          base + "/douyin/user/MS4wLjABAAAAabc");
    CHECK(bridge_feed_url(base, "toutiao", "MS4wLjABAAAAxyz") ==
          base + "/toutiao/user/token/MS4wLjABAAAAxyz");
    CHECK(bridge_feed_url(base, "kuaishou", "3xabc") == base + "/kuaishou/profile/3xabc");
    CHECK(bridge_feed_url(base, "bilibili", "2267573") == base + "/bilibili/user/dynamic/2267573");
    CHECK(bridge_feed_url(base, "baijiahao", "1536766009813620") ==
          base + "/baidu/baijiahao/1536766009813620");
}

TEST_CASE("bridge routes: no route without an id-based RSSHub route") {
    for (auto platform : {"wechat", "app", "web", "feed", "unknown", ""}) {
        CHECK_FALSE(bridge_feed_url("http://127.0.0.1:1200", platform, "595a5b14"));
    }
    CHECK_FALSE(bridge_feed_url("", "weibo", "1"));
    CHECK_FALSE(bridge_feed_url("http://127.0.0.1:1200", "weibo", ""));
    CHECK_FALSE(bridge_feed_url("///", "weibo", "1"));
}

TEST_CASE("bridge routes: trailing slashes and percent-encoding") {
    CHECK(bridge_feed_url("https://rsshub.example.gov.cn/base//", "weibo", "1") ==
          "https://rsshub.example.gov.cn/base/weibo/user/1");
    CHECK(bridge_feed_url("http://h:1200", "douyin", "a/b?c=d#e f") ==
          "http://h:1200/douyin/user/a%2Fb%3Fc%3Dd%23e%20f");
    CHECK(bridge_feed_url("http://h:1200", "kuaishou", "中文") ==
          "http://h:1200/kuaishou/profile/%E4%B8%AD%E6%96%87");
    CHECK(bridge_feed_url("http://h:1200", "weibo", "a-b_c.d~") ==
          "http://h:1200/weibo/user/a-b_c.d~");
}

TEST_CASE("bridge routes: the documented table matches the URL builder") {
    auto docs = documented_routes();
    std::set<std::string_view> platforms;
    for (const auto& d : docs) {
        platforms.insert(d.platform);
        CHECK_FALSE(d.caveat.empty());
        auto url = bridge_feed_url("http://h", d.platform, "ID");
        CHECK(url.has_value() == !d.route.empty());
        if (url) {
            auto route = std::string(d.route);
            CHECK(*url == "http://h" + route.substr(0, route.rfind('/') + 1) + "ID");
        }
    }
    CHECK(platforms == std::set<std::string_view>{"weibo", "douyin", "toutiao", "kuaishou",
                                                  "bilibili", "baijiahao", "wechat"});
}
