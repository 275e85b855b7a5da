#include "probes/http/http_client.hpp"
#include "probes/site/availability_probe.hpp"
#include "tests/http/run_coro.hpp"
#include "tests/support/fast_client_options.hpp"
#include "tests/support/loopback_server.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace govmon;
using namespace govmon::http;
using namespace std::chrono_literals;
using govmon::test::fast_options;
using govmon::test::loopback_options;
using govmon::test::loopback_reply;
using govmon::test::loopback_request;
using govmon::test::loopback_server;
using govmon::test::run_all;
using govmon::test::run_coro;

namespace {

// A name server that knows no name: every lookup is NXDOMAIN, without the network.
std::vector<std::string> knows_no_name(const std::string&) {
    return {};
}

response get(asio::io_context& ioc, client& c, std::string url) {
    return run_coro(ioc, c.fetch(request{std::move(url), "GET"}));
}

loopback_reply text(std::string body, int status = 200) {
    loopback_reply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

loopback_reply redirect(int status, std::string location) {
    loopback_reply r;
    r.status = status;
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

std::int64_t ms(std::chrono::steady_clock::duration d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

} // namespace

TEST_CASE("a request's own headers replace the client's, but never Accept-Encoding (decoded)") {
    loopback_server server;
    server.on("/", [](const loopback_request&) { return text("hello"); });
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    request req{server.url("/"), "GET"};
    req.headers = {
        {"User-Agent", "Mozilla/5.0 (iPhone)"}, {"MWeibo-Pn", "1"}, {"Accept-Encoding", "gzip"}};
    auto r = run_coro(ioc, c.fetch(req));
    CHECK(r.ok());
    REQUIRE(server.wait_requests(1));
    const auto seen = server.seen().at(0).headers;
    auto value_of = [&](std::string_view name) {
        std::vector<std::string> values;
        for (const auto& h : seen)
            if (beast::iequals(h.first, beast::string_view{name.data(), name.size()}))
                values.push_back(h.second);
        return values;
    };
    CHECK(value_of("User-Agent") == std::vector<std::string>{"Mozilla/5.0 (iPhone)"});
    CHECK(value_of("MWeibo-Pn") == std::vector<std::string>{"1"});
    CHECK(value_of("Accept-Encoding") == std::vector<std::string>{"gzip, deflate"});
}

TEST_CASE("a plain GET returns status, headers, body, remote address, HEAD reads no body") {
    loopback_server server;
    server.on("/", [](const loopback_request& req) {
        auto r = text("hello");
        r.headers.emplace_back("X-Seen-UA", req.method);
        return r;
    });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/"));
    CHECK(r.ok());
    CHECK(r.status == 200);
    CHECK(r.body == "hello");
    CHECK(r.header("x-seen-ua") == "GET");
    CHECK(r.remote_address == "127.0.0.1");
    CHECK(r.attempts == 1);
    CHECK(r.final_url == server.url("/"));
    CHECK(server.wait_requests(1));
    auto seen = server.seen();
    REQUIRE(seen.size() == 1);
    auto has = [&](std::string_view name, std::string_view value) {
        return std::any_of(seen[0].headers.begin(), seen[0].headers.end(), [&](const auto& h) {
            return beast::iequals(h.first, beast::string_view{name.data(), name.size()}) &&
                   h.second == value;
        });
    };
    CHECK(has("Accept-Encoding", "gzip, deflate"));
    CHECK(has("User-Agent", "govmon/1.0"));

    auto head = run_coro(ioc, c.fetch(request{server.url("/"), "HEAD"}));
    CHECK(head.ok());
    CHECK(head.body.empty());
    CHECK(outcomes == std::vector<std::string>{"ok", "ok"});
}

TEST_CASE("a 404 is error_class::http with detail HTTP 404 and is not retried") {
    loopback_server server;
    asio::io_context ioc;
    auto o = fast_options();
    o.retries = 2;
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/missing"));
    auto again = get(ioc, c, server.url("/missing"));
    CHECK(server.connections() == 1); // a complete 404 leaves the connection reusable
    CHECK(again.status == 404);
    CHECK_FALSE(r.ok());
    CHECK(r.error == error_class::http);
    CHECK(r.error_detail == "HTTP 404");
    CHECK(r.status == 404);
    CHECK(r.attempts == 1);
}

TEST_CASE("a server that accepts and never answers hits the deadline") {
    loopback_options lo;
    lo.read_requests = false;
    loopback_server server{lo};
    asio::io_context ioc;
    auto o = fast_options();
    o.timeout = 1s;
    client c{ioc.get_executor(), o};
    auto start = std::chrono::steady_clock::now();
    auto r = get(ioc, c, server.url("/"));
    auto took = ms(std::chrono::steady_clock::now() - start);
    CHECK(r.error == error_class::timeout);
    CHECK(took >= 950);
    CHECK(took < 2500);
    CHECK(server.connections() == 1);
}

TEST_CASE("a server dribbling a byte a second times out at the deadline, not after the body") {
    loopback_server server;
    server.on("/", [](const loopback_request&) {
        auto r = text(std::string(100, 'x'));
        r.dribble = 1000ms;
        return r;
    });
    asio::io_context ioc;
    auto o = fast_options();
    o.timeout = 2s;
    client c{ioc.get_executor(), o};
    auto start = std::chrono::steady_clock::now();
    auto r = get(ioc, c, server.url("/"));
    auto took = ms(std::chrono::steady_clock::now() - start);
    CHECK(r.error == error_class::timeout);
    CHECK(took >= 1950);
    CHECK(took < 3500);
}

TEST_CASE("a body over max_body in the same packet as the header is too_large (beast#2201)") {
    loopback_server server;
    server.on("/big", [](const loopback_request&) {
        loopback_reply r;
        std::string body(4000, 'b');
        r.raw = "HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n" + body; // one write
        return r;
    });
    server.on("/chunked", [](const loopback_request&) {
        loopback_reply r;
        r.raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                "7d0\r\n" +
                std::string(2000, 'c') + "\r\n7d0\r\n" + std::string(2000, 'c') + "\r\n0\r\n\r\n";
        return r;
    });
    asio::io_context ioc;
    auto o = fast_options();
    o.max_body = 1000;
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/big"));
    CHECK(r.error == error_class::too_large);
    CHECK(r.error_detail.find("body over") == 0);
    CHECK(r.body.empty());
    auto chunked = get(ioc, c, server.url("/chunked"));
    CHECK(chunked.error == error_class::too_large);
}

TEST_CASE("a 20 KB header passes the 64 KiB limit and fails a small max_header") {
    loopback_server server;
    server.on("/", [](const loopback_request&) {
        auto r = text("ok");
        r.headers.emplace_back("Content-Security-Policy", std::string(20000, 'p'));
        return r;
    });
    asio::io_context ioc;
    client big{ioc.get_executor(), fast_options()};
    auto r = get(ioc, big, server.url("/"));
    CHECK(r.ok());
    CHECK(r.header("Content-Security-Policy")->size() == 20000);

    auto o = fast_options();
    o.max_header = 8192;
    client small{ioc.get_executor(), o};
    auto r2 = get(ioc, small, server.url("/"));
    CHECK(r2.error == error_class::too_large);
    CHECK(r2.error_detail.find("header over") == 0);
}

TEST_CASE("redirect chain: relative Locations resolve against the current URL") {
    loopback_server server;
    auto port = std::to_string(server.port());
    server.on("/start", [](const loopback_request&) { return redirect(302, "a/b"); });
    server.on("/a/b", [](const loopback_request&) { return redirect(301, "../c?x=1"); });
    server.on("/c", [port](const loopback_request& req) {
        CHECK(req.target == "/c?x=1");
        return redirect(307, "//127.0.0.1:" + port + "/final");
    });
    server.on("/final", [](const loopback_request&) { return text("done"); });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/start"));
    CHECK(r.ok());
    CHECK(r.body == "done");
    CHECK(r.url == server.url("/start"));
    CHECK(r.final_url == server.url("/final"));
    CHECK(r.redirects ==
          std::vector<std::string>{server.url("/a/b"), server.url("/c?x=1"), server.url("/final")});
    CHECK(outcomes == std::vector<std::string>{"ok", "ok", "ok", "ok"});
    CHECK_FALSE(r.https_downgrade);

    auto o2 = fast_options();
    o2.max_redirects = 2;
    client capped{ioc.get_executor(), o2};
    auto r2 = get(ioc, capped, server.url("/start"));
    CHECK(r2.error == error_class::http);
    CHECK(r2.error_detail == "too many redirects");
    CHECK(r2.redirects.size() == 2);
}

TEST_CASE("a redirect loop is reported, not followed until the cap") {
    loopback_server server;
    server.on("/one", [](const loopback_request&) { return redirect(301, "/two"); });
    server.on("/two", [](const loopback_request&) { return redirect(302, "/one"); });
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    auto r = get(ioc, c, server.url("/one"));
    CHECK(r.error == error_class::http);
    CHECK(r.error_detail == "redirect loop");
    CHECK(server.wait_requests(2));
    CHECK(server.requests() == 2);
}

TEST_CASE("a 429 with Retry-After: 1 is waited for and retried") {
    loopback_server server;
    int calls = 0;
    server.on("/", [&calls](const loopback_request&) {
        if (++calls == 1) {
            auto reply = text("slow down", 429);
            reply.headers.emplace_back("Retry-After", "1");
            return reply;
        }
        return text("fine");
    });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.retries = 2;
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/"));
    CHECK(r.ok());
    CHECK(r.attempts == 2);
    CHECK(r.elapsed >= 1000ms);
    CHECK(server.wait_requests(2));
    auto seen = server.seen();
    REQUIRE(seen.size() == 2);
    CHECK(ms(seen[1].started - seen[0].started) >= 995);
    CHECK(outcomes == std::vector<std::string>{"blocked", "ok"});

    // A longer Retry-After than max_retry_after is not waited for: the 429 is the answer.
    calls = 0;
    server.on("/", [](const loopback_request&) {
        auto reply = text("slow down", 429);
        reply.headers.emplace_back("Retry-After", "3600");
        return reply;
    });
    auto r2 = get(ioc, c, server.url("/"));
    CHECK(r2.status == 429);
    CHECK(r2.error == error_class::blocked); // rate limited: says nothing about the page
    CHECK(r2.attempts == 1);
}

TEST_CASE("a 5xx then a success: retried with back-off, counted") {
    loopback_server server;
    int calls = 0;
    server.on("/", [&calls](const loopback_request&) {
        return ++calls == 1 ? text("oops", 502) : text("fine");
    });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.retries = 1;
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, server.url("/"));
    CHECK(r.ok());
    CHECK(r.attempts == 2);
    CHECK(r.elapsed >= 100ms);
    CHECK(outcomes == std::vector<std::string>{"http_5xx", "ok"});

    server.on("/", [](const loopback_request&) { return text("down", 503); });
    auto r2 = get(ioc, c, server.url("/"));
    CHECK(r2.error == error_class::http);
    CHECK(r2.error_detail == "HTTP 503");
    CHECK(r2.attempts == 2);
}

TEST_CASE("keep-alive: connections are reused and a server closing them causes no failure") {
    loopback_options lo;
    lo.max_requests_per_connection = 3; // closes silently, without Connection: close
    loopback_server server{lo};
    server.on("/", [](const loopback_request&) { return text("k"); });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    for (int i = 0; i < 10; ++i) {
        auto r = get(ioc, c, server.url("/"));
        CAPTURE(i);
        CHECK(r.ok());
        CHECK(r.attempts == 1);
    }
    CHECK(server.wait_requests(10));
    CHECK(server.requests() == 10);
    CHECK(server.connections() < 10);
    CHECK(server.connections() >= 4);
    CHECK(outcomes.size() == 10);
    CHECK(std::all_of(outcomes.begin(), outcomes.end(), [](auto& s) { return s == "ok"; }));
}

TEST_CASE("Connection: close from the server is honoured") {
    loopback_server server;
    server.on("/", [](const loopback_request&) {
        auto r = text("bye");
        r.close = true;
        return r;
    });
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    for (int i = 0; i < 3; ++i)
        CHECK(get(ioc, c, server.url("/")).ok());
    CHECK(server.connections() == 3);
}

TEST_CASE("allow_private=false refuses loopback before connecting, exceptions apply") {
    loopback_server server;
    server.on("/", [](const loopback_request&) { return text("private"); });
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.allow_private = false;
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client strict{ioc.get_executor(), o};
    auto r = get(ioc, strict, server.url("/"));
    CHECK(r.error == error_class::blocked);
    CHECK(r.error_detail == "refused private address 127.0.0.1");
    CHECK(server.connections() == 0);
    CHECK(outcomes == std::vector<std::string>{"blocked"});

    auto listed = o;
    listed.allow_private_hosts = {"127.0.0.1"};
    client allowed{ioc.get_executor(), listed};
    CHECK(get(ioc, allowed, server.url("/")).ok());
}

TEST_CASE("a resolve override points a made-up name at loopback, Host header kept") {
    loopback_server server;
    server.on("/", [](const loopback_request&) { return text("gov"); });
    asio::io_context ioc;
    auto o = fast_options();
    o.allow_private = false; // override addresses are trusted
    o.resolve["www.example.gov.cn"] = {"127.0.0.1"};
    client c{ioc.get_executor(), o};
    auto port = std::to_string(server.port());
    auto r = get(ioc, c, "http://www.example.gov.cn:" + port + "/");
    CHECK(r.ok());
    CHECK(r.body == "gov");
    CHECK(server.wait_requests(1));
    REQUIRE(server.requests() == 1);
    CHECK(server.seen()[0].host == "www.example.gov.cn:" + port);

    auto o2 = fast_options();
    o2.resolve["www.example.gov.cn:" + port] = {"127.0.0.1"};
    client by_port{ioc.get_executor(), o2};
    CHECK(get(ioc, by_port, "http://www.example.gov.cn:" + port + "/").ok());
}

TEST_CASE("a name resolved by getaddrinfo (localhost) is fetched, and refused when private") {
    loopback_server server;
    server.on("/", [](const loopback_request&) { return text("local"); });
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    auto url = "http://localhost:" + std::to_string(server.port()) + "/";
    for (int i = 0; i < 2; ++i) {
        auto r = get(ioc, c, url);
        CHECK(r.ok());
        CHECK(r.body == "local");
    }
    auto o = fast_options();
    o.allow_private = false;
    client strict{ioc.get_executor(), o};
    auto refused = get(ioc, strict, url);
    CHECK(refused.error == error_class::blocked);
    CHECK(refused.error_detail.find("refused private address") == 0);
}

TEST_CASE("per_host=1 serialises requests to one host and per_host_delay spaces them") {
    loopback_server server;
    server.on("/slow", [](const loopback_request&) {
        auto r = text("s");
        r.delay = 300ms;
        return r;
    });
    asio::io_context ioc;
    auto o = fast_options();
    o.per_host = 1;
    o.per_host_delay = 200ms;
    client c{ioc.get_executor(), o};
    std::vector<asio::awaitable<response>> tasks;
    tasks.push_back(c.fetch(request{server.url("/slow"), "GET"}));
    tasks.push_back(c.fetch(request{server.url("/slow"), "GET"}));
    auto rs = run_all(ioc, std::move(tasks));
    CHECK(rs[0].ok());
    CHECK(rs[1].ok());
    CHECK(server.max_concurrent() == 1);
    CHECK(server.wait_requests(2));
    auto seen = server.seen();
    REQUIRE(seen.size() == 2);
    // Server-side timestamps only: 300 ms of work, then at least 200 ms of politeness.
    CHECK(ms(seen[1].started - seen[0].started) >= 495);
    CHECK(seen[1].started >= seen[0].finished);
}

TEST_CASE("the global concurrency limit holds across hosts") {
    loopback_server server;
    server.on("/slow", [](const loopback_request&) {
        auto r = text("s");
        r.delay = 300ms;
        return r;
    });
    asio::io_context ioc;
    auto o = fast_options();
    o.concurrency = 2;
    o.per_host = 8;
    std::vector<std::string> hosts{"a.test", "b.test", "c.test", "d.test", "e.test"};
    for (const auto& h : hosts)
        o.resolve[h] = {"127.0.0.1"};
    client c{ioc.get_executor(), o};
    std::vector<asio::awaitable<response>> tasks;
    for (const auto& h : hosts)
        tasks.push_back(
            c.fetch(request{"http://" + h + ":" + std::to_string(server.port()) + "/slow", "GET"}));
    auto start = std::chrono::steady_clock::now();
    auto rs = run_all(ioc, std::move(tasks));
    auto took = ms(std::chrono::steady_clock::now() - start);
    for (const auto& r : rs)
        CHECK(r.ok());
    CHECK(server.max_concurrent() == 2);
    CHECK(took >= 850); // three waves of 300 ms
}

TEST_CASE("connection refused is error_class::connect") {
    std::uint16_t port = 0;
    {
        asio::io_context tmp;
        asio::ip::tcp::acceptor a{tmp, {asio::ip::make_address("127.0.0.1"), 0}};
        port = a.local_endpoint().port();
    }
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = fast_options();
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, "http://127.0.0.1:" + std::to_string(port) + "/");
    CHECK(r.error == error_class::connect);
    CHECK_FALSE(r.error_detail.empty());
    CHECK(outcomes == std::vector<std::string>{"connect"});
}

TEST_CASE("an unresolvable name is error_class::dns, quickly") {
    asio::io_context ioc;
    auto o = fast_options();
    o.name_server = knows_no_name;
    client c{ioc.get_executor(), o};
    auto start = std::chrono::steady_clock::now();
    auto r = get(ioc, c, "http://nonexistent.invalid/");
    CHECK(r.error == error_class::dns);
    CHECK(ms(std::chrono::steady_clock::now() - start) < 3000);
    CHECK(r.attempts == 1);
}

TEST_CASE("an invalid URL is a value, not an exception") {
    asio::io_context ioc;
    client c{ioc.get_executor(), fast_options()};
    auto r = get(ioc, c, "notaurl");
    CHECK(r.error == error_class::parse);
    CHECK_FALSE(r.ok());
}

TEST_CASE("check_ipv6: AAAA via override and reachable over ::1, IPv4-only has no AAAA") {
    loopback_options lo;
    lo.address = "::1";
    loopback_server v6server{lo};
    asio::io_context ioc;
    auto o = fast_options();
    o.name_server = knows_no_name;
    o.resolve["v6.test"] = {"::1"};
    o.resolve["v4.test"] = {"127.0.0.1"};
    client c{ioc.get_executor(), o};
    auto port = std::to_string(v6server.port());
    auto yes = run_coro(ioc, c.check_ipv6("http://v6.test:" + port + "/"));
    CHECK(yes.has_aaaa == true);
    CHECK(yes.reachable == true);
    CHECK(v6server.wait_connections(1));
    CHECK(v6server.connections() == 1);

    auto no = run_coro(ioc, c.check_ipv6("http://v4.test:" + port + "/"));
    CHECK(no.has_aaaa == false);
    CHECK_FALSE(no.reachable.has_value());

    auto literal = run_coro(ioc, c.check_ipv6(v6server.url("/")));
    CHECK(literal.has_aaaa == true);
    CHECK(literal.reachable == true);

    // AAAA published but nothing listening on that port over IPv6.
    v6server.stop();
    auto down = run_coro(ioc, c.check_ipv6("http://v6.test:" + port + "/"));
    CHECK(down.has_aaaa == true);
    CHECK(down.reachable == false);

    auto unknown = run_coro(ioc, c.check_ipv6("http://nonexistent.invalid/"));
    CHECK_FALSE(unknown.has_aaaa.has_value());
}

TEST_CASE("availability probe: home page through redirects, then IPv6 of the final host") {
    loopback_server server;
    server.on("/", [](const loopback_request&) { return redirect(302, "/index.html"); });
    server.on("/index.html", [](const loopback_request&) { return text("<html>home</html>"); });
    asio::io_context ioc;
    auto o = fast_options();
    o.resolve["www.example.gov.cn"] = {"127.0.0.1"};
    client c{ioc.get_executor(), o};
    auto base = "http://www.example.gov.cn:" + std::to_string(server.port());
    auto r = run_coro(ioc, probe_availability(c, base + "/"));
    CHECK(r.ok);
    CHECK(r.http_status == 200);
    CHECK(r.error == error_class::none);
    CHECK(r.final_url == base + "/index.html");
    CHECK(r.redirects.size() == 1);
    CHECK(r.latency_ms >= 0);
    CHECK(r.ipv6.has_aaaa == false);

    auto down = run_coro(ioc, probe_availability(c, base + "/nope"));
    CHECK_FALSE(down.ok);
    CHECK(down.http_status == 404);
    CHECK(down.error == error_class::http);
}
