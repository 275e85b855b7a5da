#include "../http/run_coro.hpp"
#include "../support/loopback_server.hpp"
#include "probes/accounts/account_probe.hpp"
#include "probes/off_thread.hpp"
#include "tests/support/fast_client_options.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

// An RSS 2.0 feed as RSSHub serves a WeChat account (two dated items), padded with a comment
// past large_parse_bytes: smaller feeds are parsed inline.
loopback_reply feed() {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "application/rss+xml; charset=utf-8");
    r.body = "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
             "<title>县政务公众号</title><link>https://mp.weixin.qq.com/</link><!--" +
             std::string(govmon::large_parse_bytes, ' ') +
             "-->"
             "<item><title>关于做好冬季供暖工作的通知</title>"
             "<pubDate>Fri, 20 Nov 2026 02:00:00 GMT</pubDate></item>"
             "<item><title>县政府常务会议召开</title>"
             "<pubDate>Wed, 18 Nov 2026 08:30:00 GMT</pubDate></item>"
             "</channel></rss>";
    return r;
}

// `ioc` must outlive the pool: a pool thread still holds the caller's executor for a moment
// after it posts a result back, and run_coro returns as soon as the result is in.
account_result probe(asio::io_context& ioc, const loopback_server& bridge,
                     std::optional<asio::any_io_executor> parse_on) {
    http::client client{ioc.get_executor(), fast_options()};
    account_source source;
    source.url = "http://127.0.0.1:" + std::to_string(bridge.port()) + "/wechat/xian";
    source.answered_by = "rsshub";
    const std::int64_t now = 1795305600; // 2026-11-23 Beijing
    return run_coro(ioc, probe_account(client, source, now, std::move(parse_on)), 20s);
}

} // namespace

TEST_CASE("a feed parsed on a thread pool reads as one parsed inline") {
    loopback_server bridge;
    bridge.on("/wechat/xian", [](const loopback_request&) { return feed(); });
    asio::io_context inline_ioc;
    const account_result inline_parse = probe(inline_ioc, bridge, std::nullopt);
    asio::io_context ioc;
    asio::thread_pool pool{1};
    const account_result pooled = probe(ioc, bridge, pool.get_executor());
    pool.join();

    CHECK(pooled.outcome == account_outcome::ok);
    CHECK(pooled.items_seen == 2);
    REQUIRE(pooled.newest_post);
    CHECK(*pooled.newest_post == 1795140000); // 2026-11-20T02:00:00Z
    CHECK(pooled.newest_post == inline_parse.newest_post);
    CHECK(pooled.items_dated == inline_parse.items_dated);
}
