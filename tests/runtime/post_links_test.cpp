// The links inside posts, checked as the crawl checks a link that leaves a site.
#include "../http/run_coro.hpp"
#include "../support/loopback_server.hpp"
#include "daemon/runtime/post_links.hpp"
#include "tests/support/fast_client_options.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

http::client_options options() {
    http::client_options o = fast_client_options();
    o.resolve["links.example.com"] = {"127.0.0.1"};
    o.resolve["m.weibo.cn"] = {"127.0.0.1"};
    return o;
}

loopback_reply status(int code) {
    loopback_reply r;
    r.status = code;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = code == 429 ? "Too Many Requests" : "<html><body>正文</body></html>";
    return r;
}

} // namespace

TEST_CASE("a post's dead link is broken, a rate-limited one neither way, the platform skipped") {
    loopback_server server;
    server.on("/ok.html", [](const loopback_request&) { return status(200); });
    server.on("/gone.html", [](const loopback_request&) { return status(404); });
    server.on("/busy.html", [](const loopback_request&) { return status(429); });
    server.on("/search", [](const loopback_request&) { return status(404); });
    const std::string base = "http://links.example.com:" + std::to_string(server.port());
    const std::string weibo = "http://m.weibo.cn:" + std::to_string(server.port());
    account_result result;
    result.posts.push_back({"https://m.weibo.cn/detail/1",
                            "正文",
                            std::nullopt,
                            {weibo + "/search", base + "/ok.html", base + "/gone.html"}});
    result.posts.push_back({"https://m.weibo.cn/detail/2",
                            "正文",
                            std::nullopt,
                            {base + "/gone.html", base + "/busy.html", base + "/late.html"}});
    asio::io_context ioc;
    http::client client{ioc.get_executor(), options()};
    external_link_cache checked;
    const std::set<std::string> ads{base + "/ad.html"};
    const auto broken = run_coro(ioc, check_post_links(client, result, ads, checked, 3), 20s);
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].url == base + "/gone.html");
    CHECK(broken[0].pages == std::vector<std::string>{"https://m.weibo.cn/detail/1"});
    CHECK(broken[0].status.http_status == 404);
    // The budget of 3 covers ok, gone and busy; a post's own address, an ad link already
    // reported, the platform's own link and the later one are not fetched.
    CHECK(checked.size() == 3);
    CHECK_FALSE(checked.contains(weibo + "/search"));
    CHECK_FALSE(checked.contains(base + "/late.html"));
    CHECK(server.wait_recorded());
    CHECK(server.requests() == 3);

    // Checked once a round: the next account linking to them costs no request.
    const auto again = run_coro(ioc, check_post_links(client, result, ads, checked, 3), 20s);
    CHECK(again.size() == 1);
    CHECK(server.wait_recorded());
    CHECK(server.requests() == 3);
}
