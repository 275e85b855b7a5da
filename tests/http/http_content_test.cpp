// What a fetch concludes from what servers really send: compressed bodies (asked for or not),
// firewall challenges and rate limits, long redirect chains, and the config's own endpoints.
#include "probes/http/http_client.hpp"
#include "tests/http/compress.hpp"
#include "tests/http/run_coro.hpp"
#include "tests/support/fast_client_options.hpp"
#include "tests/support/loopback_server.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::http;
using namespace std::chrono_literals;
using govmon::test::fast_options;
using govmon::test::gzip;
using govmon::test::loopback_reply;
using govmon::test::loopback_request;
using govmon::test::loopback_server;
using govmon::test::run_coro;

namespace {

response get(asio::io_context& ioc, client& c, std::string url) {
    return run_coro(ioc, c.fetch(request{std::move(url), "GET"}));
}

loopback_reply encoded(std::string body, std::string coding) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.headers.emplace_back("Content-Encoding", std::move(coding));
    r.body = std::move(body);
    return r;
}

loopback_reply answer(int status, std::vector<std::pair<std::string, std::string>> headers,
                      std::string body) {
    loopback_reply r;
    r.status = status;
    r.headers = std::move(headers);
    r.body = std::move(body);
    return r;
}

const std::string page = "<html><body><a href=\"/a\">\xE8\xA6\x81\xE9\x97\xBB</a></body></html>";

} // namespace

TEST_CASE("gzip and deflate bodies are decoded, asked for or not") {
    loopback_server server;
    server.on("/gzip", [](const loopback_request&) { return encoded(gzip(page), "gzip"); });
    server.on("/deflate", [](const loopback_request&) {
        return encoded(govmon::test::compress(page, 15), "deflate");
    });
    server.on("/raw-deflate", [](const loopback_request&) {
        return encoded(govmon::test::compress(page, -15), "deflate");
    });
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    for (const char* path : {"/gzip", "/deflate", "/raw-deflate"}) {
        CAPTURE(path);
        auto r = get(ioc, c, server.url(path));
        CHECK(r.ok());
        CHECK(r.body == page);
    }
    // A caller that asks for identity gets a compressed answer decoded too (real servers).
    request identity{server.url("/gzip"), "GET"};
    identity.headers = {{"Accept-Encoding", "identity"}};
    CHECK(run_coro(ioc, c.fetch(identity)).body == page);
}

TEST_CASE("a 1 KB gzip body that expands past max_body is refused as too_large") {
    const std::string bomb = gzip(std::string(1u << 20, ' ')); // 1 MiB of spaces
    REQUIRE(bomb.size() <= 1100);
    loopback_server server;
    server.on("/bomb", [&](const loopback_request&) { return encoded(bomb, "gzip"); });
    asio::io_context ioc;
    auto o = fast_options();
    o.max_body = 256u << 10;
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/bomb"));
    CHECK(r.status == 200);
    CHECK(r.error == error_class::too_large);
    CHECK(r.body.empty());
}

TEST_CASE("challenges and rate limits are blocked, their status kept; a 404 is not") {
    loopback_server server;
    server.on("/cf", [](const loopback_request&) {
        return answer(403, {{"cf-mitigated", "challenge"}, {"Content-Type", "text/html"}},
                      "<html><title>Just a moment...</title></html>");
    });
    server.on("/jsl", [](const loopback_request&) {
        return answer(521, {{"Set-Cookie", "__jsluid_h=5c2c; max-age=31536000; path=/"}},
                      "<script>document.cookie=('_')+('_')+('jsl_clearance_s=')+"
                      "(+new Date())/1000;location.href=location.pathname</script>");
    });
    server.on("/jsl-gzip", [](const loopback_request&) {
        return answer(521, {{"Content-Encoding", "gzip"}},
                      gzip("<script>document.cookie='__jsl_clearance=1'</script>"));
    });
    server.on("/busy", [](const loopback_request&) { return answer(429, {}, "slow down"); });
    server.on("/gone", [](const loopback_request&) { return answer(404, {}, "not here"); });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    for (auto [path, status] : {std::pair{"/cf", 403}, std::pair{"/jsl", 521},
                                std::pair{"/jsl-gzip", 521}, std::pair{"/busy", 429}}) {
        CAPTURE(path);
        auto r = get(ioc, c, server.url(path));
        CHECK(r.error == error_class::blocked);
        CHECK(r.status == status);
        CHECK(r.error_detail.rfind("HTTP " + std::to_string(status) + ": ", 0) == 0);
    }
    auto gone = get(ioc, c, server.url("/gone"));
    CHECK(gone.error == error_class::http);
    CHECK(gone.error_detail == "HTTP 404");
    CHECK(outcomes ==
          std::vector<std::string>{"blocked", "blocked", "blocked", "blocked", "http_4xx"});
}

TEST_CASE("redirects are capped at 20 as browsers do: 15 hops are fine, 21 are not") {
    loopback_server server;
    // /hops/N/K answers with a redirect to /hops/N/K+1 until K == N, then 200.
    server.otherwise([](const loopback_request& req) {
        int total = 0, done = 0;
        if (std::sscanf(req.target.c_str(), "/hops/%d/%d", &total, &done) != 2)
            return answer(404, {}, "");
        if (done == total)
            return answer(200, {}, "arrived");
        return answer(
            302, {{"Location", "/hops/" + std::to_string(total) + "/" + std::to_string(done + 1)}},
            "");
    });
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    auto fifteen = get(ioc, c, server.url("/hops/15/0"));
    CHECK(fifteen.ok());
    CHECK(fifteen.redirects.size() == 15);
    auto twenty = get(ioc, c, server.url("/hops/20/0"));
    CHECK(twenty.ok());
    auto twenty_one = get(ioc, c, server.url("/hops/21/0"));
    CHECK(twenty_one.error == error_class::http);
    CHECK(twenty_one.error_detail == "too many redirects");
}

TEST_CASE("a trusted endpoint is fetched despite allow_private; other endpoints are not") {
    loopback_server bridge;
    loopback_server other;
    const std::string other_port = std::to_string(other.port());
    bridge.on("/feed", [](const loopback_request&) { return answer(200, {}, "<rss/>"); });
    // Another port of the same host, as an http -> https upgrade would be.
    bridge.on("/upgrade", [&other](const loopback_request&) {
        return answer(302, {{"Location", other.url("/elsewhere")}}, "");
    });
    bridge.on("/away", [other_port](const loopback_request&) {
        return answer(302, {{"Location", "http://localhost:" + other_port + "/elsewhere"}}, "");
    });
    other.on("/elsewhere", [](const loopback_request&) { return answer(200, {}, "same host"); });
    asio::io_context ioc;
    auto o = fast_options();
    o.allow_private = false;
    o.trusted_endpoints = {"127.0.0.1:" + std::to_string(bridge.port())};
    client c{ioc.get_executor(), o};
    auto feed = get(ioc, c, bridge.url("/feed"));
    CHECK(feed.ok());
    CHECK(feed.body == "<rss/>");
    auto upgrade = get(ioc, c, bridge.url("/upgrade"));
    CHECK(upgrade.ok());
    CHECK(upgrade.body == "same host");
    // A redirect that leaves the host meets the guard again.
    auto away = get(ioc, c, bridge.url("/away"));
    CHECK(away.error == error_class::blocked);
    CHECK(away.error_detail.rfind("refused private address", 0) == 0);
    // And a link straight to another port of the host is not the config's endpoint.
    CHECK(get(ioc, c, other.url("/elsewhere")).error == error_class::blocked);
    CHECK(other.requests() == 1);
}
