// The fetch policy driven without sockets or clocks, as Boost.Redis tests its sans-I/O state
// machines (test/test_connect_fsm.cpp): each case feeds scripted hop answers and checks every
// action the I/O loop would perform.
#include "probes/http/fetch_policy.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

using namespace govmon::http;
using namespace std::chrono_literals;
using govmon::error_class;
using type = fetch_action::type;

namespace {

// 1994-11-06T08:49:30Z, so that an HTTP-date Retry-After has a known distance.
const auto now = std::chrono::system_clock::time_point{std::chrono::seconds{784111770}};

request get(std::string url) {
    request r;
    r.url = std::move(url);
    return r;
}

request visit(std::string url) {
    auto r = get(std::move(url));
    r.visit = true;
    return r;
}

hop_result answer(int status, std::vector<header_field> headers = {}) {
    hop_result h;
    h.status = status;
    h.headers = std::move(headers);
    classify_answer(h);
    return h;
}

hop_result redirect(std::string location, int status = 302) {
    return answer(status, {{"Location", std::move(location)}});
}

hop_result timed_out() {
    return hop_failure(error_class::timeout, "timeout reading response header");
}

} // namespace

TEST_CASE("fetch policy: one hop answered 200 is one attempt, done") {
    client_options options;
    fetch_policy p{get("http://a.example/x"), options};
    auto act = p.start();
    REQUIRE(act.next == type::hop);
    CHECK(act.target.str() == "http://a.example/x");
    CHECK(act.method == "GET");
    CHECK(act.new_attempt);
    CHECK_FALSE(act.mode.visit);
    CHECK_FALSE(act.mode.private_ok);
    auto ok = answer(200, {{"Content-Type", "text/html"}});
    ok.body = "<html>";
    ok.remote = "192.0.2.1";
    ok.cert_not_after = 1700000000;
    CHECK(p.on_hop(std::move(ok), now).next == type::done);
    const auto& r = p.result();
    CHECK(r.ok());
    CHECK(r.attempts == 1);
    CHECK(r.url == "http://a.example/x");
    CHECK(r.final_url == "http://a.example/x");
    CHECK(r.body == "<html>");
    CHECK(r.remote_address == "192.0.2.1");
    CHECK(r.header("content-type") == "text/html");
    CHECK_FALSE(r.cert_not_after); // an http answer has no certificate
}

TEST_CASE("fetch policy: an invalid URL is a parse error without any hop or retry") {
    client_options options;
    fetch_policy p{get("not a url"), options};
    CHECK(p.start().next == type::done);
    CHECK(p.result().error == error_class::parse);
    CHECK(p.result().error_detail == "invalid URL");
    CHECK(p.result().final_url == "not a url");
    CHECK(p.result().attempts == 1);
}

TEST_CASE("fetch policy: a timeout is retried after a doubling backoff, then given up") {
    client_options options;
    options.retries = 2;
    options.retry_backoff = 500ms;
    fetch_policy p{get("http://a.example/"), options};
    REQUIRE(p.start().next == type::hop);
    auto act = p.on_hop(timed_out(), now);
    REQUIRE(act.next == type::wait);
    CHECK(act.delay == 500ms);
    act = p.on_wait_done();
    REQUIRE(act.next == type::hop);
    CHECK(act.new_attempt);
    CHECK(act.target.str() == "http://a.example/");
    act = p.on_hop(timed_out(), now);
    REQUIRE(act.next == type::wait);
    CHECK(act.delay == 1000ms);
    REQUIRE(p.on_wait_done().next == type::hop);
    CHECK(p.on_hop(timed_out(), now).next == type::done);
    CHECK(p.result().error == error_class::timeout);
    CHECK(p.result().attempts == 3);
}

TEST_CASE("fetch policy: a visit is one attempt, whatever answers it") {
    client_options options;
    options.retries = 2;
    for (auto make : {+[] { return timed_out(); }, +[] { return answer(503); },
                      +[] {
                          return answer(429, {{"Retry-After", "1"}});
                      }}) {
        fetch_policy p{visit("https://a.example/"), options};
        auto act = p.start();
        REQUIRE(act.next == type::hop);
        CHECK(act.mode.visit);
        CHECK(p.on_hop(make(), now).next == type::done);
        CHECK(p.result().attempts == 1);
        CHECK_FALSE(p.result().ok());
    }
}

TEST_CASE("fetch policy: a 5xx is retried and a later 200 is the answer") {
    client_options options;
    options.retries = 2;
    options.retry_backoff = 250ms;
    fetch_policy p{get("http://a.example/"), options};
    p.start();
    auto act = p.on_hop(answer(502), now);
    REQUIRE(act.next == type::wait);
    CHECK(act.delay == 250ms);
    p.on_wait_done();
    CHECK(p.on_hop(answer(200), now).next == type::done);
    CHECK(p.result().ok());
    CHECK(p.result().attempts == 2);
    CHECK(p.result().error_detail.empty());
}

TEST_CASE("fetch policy: a 404 is an HTTP error, not retried") {
    client_options options;
    options.retries = 2;
    fetch_policy p{get("http://a.example/gone"), options};
    p.start();
    CHECK(p.on_hop(answer(404), now).next == type::done);
    CHECK(p.result().error == error_class::http);
    CHECK(p.result().error_detail == "HTTP 404");
    CHECK(p.result().status == 404);
    CHECK(p.result().attempts == 1);
}

TEST_CASE("fetch policy: 429 waits for Retry-After, seconds or HTTP-date, up to max_retry_after") {
    client_options options;
    options.retries = 2;
    options.max_retry_after = 60s;
    SUBCASE("delay-seconds") {
        fetch_policy p{get("http://a.example/"), options};
        p.start();
        auto act = p.on_hop(answer(429, {{"Retry-After", "7"}}), now);
        REQUIRE(act.next == type::wait);
        CHECK(act.delay == 7000ms);
        CHECK(p.result().error == error_class::blocked);
    }
    SUBCASE("an HTTP-date, against the wall clock the loop passes") {
        fetch_policy p{get("http://a.example/"), options};
        p.start();
        auto act = p.on_hop(answer(503, {{"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}}), now);
        REQUIRE(act.next == type::wait);
        CHECK(act.delay == 7000ms);
    }
    SUBCASE("longer than max_retry_after: the 429 is reported as blocked") {
        fetch_policy p{get("http://a.example/"), options};
        p.start();
        CHECK(p.on_hop(answer(429, {{"Retry-After", "3600"}}), now).next == type::done);
        CHECK(p.result().error == error_class::blocked);
        CHECK(p.result().status == 429);
        CHECK(p.result().error_detail == "HTTP 429: rate limited");
        CHECK(p.result().attempts == 1);
    }
    SUBCASE("without Retry-After the backoff applies") {
        options.retry_backoff = 500ms;
        fetch_policy p{get("http://a.example/"), options};
        p.start();
        auto act = p.on_hop(answer(429), now);
        REQUIRE(act.next == type::wait);
        CHECK(act.delay == 500ms);
    }
}

TEST_CASE("fetch policy: 20 redirects are followed, the 21st fails, within one deadline") {
    client_options options;
    REQUIRE(options.max_redirects == 20);
    auto chain = [&](int hops, fetch_policy& p) {
        auto act = p.start();
        for (int i = 1; i <= hops; ++i) {
            act = p.on_hop(redirect("/r" + std::to_string(i)), now);
            if (act.next != type::hop)
                return act;
            CHECK(act.target.str() == "http://a.example/r" + std::to_string(i));
            CHECK_FALSE(act.new_attempt); // a redirect keeps the attempt's deadline
        }
        return act;
    };
    SUBCASE("20 then 200") {
        fetch_policy p{get("http://a.example/r0"), options};
        REQUIRE(chain(20, p).next == type::hop);
        CHECK(p.on_hop(answer(200), now).next == type::done);
        CHECK(p.result().ok());
        CHECK(p.result().redirects.size() == 20);
        CHECK(p.result().redirects.back() == "http://a.example/r20");
        CHECK(p.result().final_url == "http://a.example/r20");
    }
    SUBCASE("a 21st") {
        fetch_policy p{get("http://a.example/r0"), options};
        auto act = chain(21, p);
        CHECK(act.next == type::done);
        CHECK(p.result().error == error_class::http);
        CHECK(p.result().error_detail == "too many redirects");
        CHECK(p.result().status == 302);
        CHECK(p.result().redirects.size() == 20);
        CHECK(p.result().attempts == 1);
    }
}

TEST_CASE("fetch policy: a redirect loop and a redirect without Location fail, not retried") {
    client_options options;
    options.retries = 2;
    fetch_policy loop{get("http://a.example/a"), options};
    loop.start();
    REQUIRE(loop.on_hop(redirect("/b"), now).next == type::hop);
    CHECK(loop.on_hop(redirect("/a"), now).next == type::done);
    CHECK(loop.result().error_detail == "redirect loop");
    CHECK(loop.result().attempts == 1);

    fetch_policy bare{get("http://a.example/a"), options};
    bare.start();
    CHECK(bare.on_hop(answer(301), now).next == type::done);
    CHECK(bare.result().error == error_class::http);
    CHECK(bare.result().error_detail == "HTTP 301 without Location");
}

TEST_CASE(
    "fetch policy: an https to http redirect is flagged, the certificate is the https hop's") {
    client_options options;
    fetch_policy p{get("https://a.example/"), options};
    p.start();
    auto first = redirect("http://a.example/plain", 301);
    first.cert_not_after = 1700000000;
    auto act = p.on_hop(std::move(first), now);
    REQUIRE(act.next == type::hop);
    CHECK(act.target.scheme == "http");
    CHECK(p.result().https_downgrade);
    auto last = answer(200);
    last.cert_not_after = 1700000000; // a pooled connection's leftover is not this hop's
    CHECK(p.on_hop(std::move(last), now).next == type::done);
    CHECK(p.result().https_downgrade);
    CHECK_FALSE(p.result().cert_not_after);

    fetch_policy secure{get("http://a.example/"), options};
    secure.start();
    REQUIRE(secure.on_hop(redirect("https://a.example/"), now).next == type::hop);
    CHECK_FALSE(secure.result().https_downgrade);
    auto tls = answer(200);
    tls.cert_not_after = 1700000000;
    secure.on_hop(std::move(tls), now);
    CHECK(secure.result().cert_not_after == 1700000000);
}

TEST_CASE("fetch policy: 303 turns into GET, HEAD stays HEAD through redirects") {
    client_options options;
    auto head = get("http://a.example/");
    head.method = "HEAD";
    fetch_policy p{head, options};
    CHECK(p.start().method == "HEAD");
    CHECK(p.on_hop(redirect("/n", 303), now).method == "HEAD");

    auto other = get("http://a.example/");
    other.method = "PUT"; // anything but HEAD is sent as GET
    fetch_policy q{other, options};
    CHECK(q.start().method == "GET");
}

TEST_CASE("fetch policy: a trusted endpoint stays trusted on its own host, not beyond") {
    client_options options;
    options.trusted_endpoints = {"127.0.0.1:8080", "[::1]:8080"};
    fetch_policy p{get("http://127.0.0.1:8080/"), options};
    CHECK(p.start().mode.private_ok);
    auto act = p.on_hop(redirect("https://127.0.0.1:8443/"), now);
    CHECK(act.mode.private_ok); // same host, another port and scheme
    act = p.on_hop(redirect("http://10.0.0.5/"), now);
    CHECK_FALSE(act.mode.private_ok); // another host meets the guard again

    fetch_policy other_port{get("http://127.0.0.1:9090/"), options};
    CHECK_FALSE(other_port.start().mode.private_ok);
    CHECK(other_port.on_hop(redirect("http://127.0.0.1:8080/"), now).mode.private_ok);

    fetch_policy v6{get("http://[::1]:8080/"), options};
    CHECK(v6.start().mode.private_ok);
}

TEST_CASE("fetch policy: allow_private and allow_private_hosts open the guard") {
    client_options options;
    options.allow_private_hosts = {"intranet.example"};
    fetch_policy listed{get("http://intranet.example/"), options};
    CHECK(listed.start().mode.private_ok);
    fetch_policy unlisted{get("http://public.example/"), options};
    CHECK_FALSE(unlisted.start().mode.private_ok);
    options.allow_private = true;
    fetch_policy any{get("http://public.example/"), options};
    CHECK(any.start().mode.private_ok);
}

TEST_CASE("fetch policy: a retry starts over from the requested URL with a fresh response") {
    client_options options;
    options.retries = 1;
    fetch_policy p{get("http://a.example/start"), options};
    p.start();
    REQUIRE(p.on_hop(redirect("/moved"), now).next == type::hop);
    REQUIRE(p.on_hop(answer(500), now).next == type::wait);
    auto act = p.on_wait_done();
    CHECK(act.target.str() == "http://a.example/start");
    CHECK(act.new_attempt);
    CHECK(p.result().redirects.empty());
    CHECK(p.result().attempts == 2);
    CHECK(p.on_hop(answer(200), now).next == type::done);
    CHECK(p.result().final_url == "http://a.example/start");
}

TEST_CASE("fetch policy: the phases of an attempt are summed over its hops") {
    client_options options;
    fetch_policy p{get("http://a.example/"), options};
    p.start();
    auto first = redirect("/b");
    first.phases.dns = 10us;
    first.phases.first_byte = 100us;
    p.on_hop(std::move(first), now);
    auto second = answer(200);
    second.phases.connect = 20us;
    second.phases.first_byte = 50us;
    second.phases.transfer = 7us;
    p.on_hop(std::move(second), now);
    const auto& phases = p.result().phases;
    CHECK(phases.dns == 10us);
    CHECK(phases.connect == 20us);
    CHECK(phases.first_byte == 150us);
    CHECK(phases.transfer == 7us);
}

TEST_CASE("fetch policy: an error answer before any redirect decision keeps its class") {
    client_options options;
    options.retries = 0;
    fetch_policy p{get("https://a.example/"), options};
    p.start();
    auto tls = hop_failure(error_class::tls, "certificate has expired");
    tls.cert_not_after = 1600000000;
    CHECK(p.on_hop(std::move(tls), now).next == type::done);
    CHECK(p.result().error == error_class::tls);
    CHECK(p.result().error_detail == "certificate has expired");
    CHECK(p.result().cert_not_after == 1600000000);
}

TEST_CASE("classify_answer: errors from 400 on, firewall answers blocked, others untouched") {
    auto h = answer(404);
    CHECK(h.error == error_class::http);
    CHECK(h.detail == "HTTP 404");
    h = answer(429);
    CHECK(h.error == error_class::blocked);
    CHECK(h.detail == "HTTP 429: rate limited");
    h = answer(503, {{"cf-mitigated", "challenge"}});
    CHECK(h.error == error_class::blocked);
    CHECK(answer(302).error == error_class::none);
    CHECK(answer(200).error == error_class::none);
}
