// What a crawl's link checks conclude from real servers' habits: compressed pages sent unasked,
// firewall challenges and rate limits (never broken), long redirect chains, hrefs that do not
// resolve.
#include "../http/compress.hpp"
#include "../http/run_coro.hpp"
#include "../support/fast_client_options.hpp"
#include "../support/loopback_server.hpp"
#include "probes/site/crawler.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

http::client_options site_options() {
    http::client_options o = fast_client_options();
    o.per_host = 4;
    o.resolve["www.site.gov.cn"] = {"127.0.0.1"};
    return o;
}

loopback_reply html_reply(std::string body, std::string coding = "") {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    if (coding == "gzip")
        body = gzip(body);
    else if (coding == "deflate")
        body = compress(body, 15);
    if (!coding.empty())
        r.headers.emplace_back("Content-Encoding", coding);
    r.body = std::move(body);
    return r;
}

std::string page(std::string body) {
    return "<html><head><title>某县人民政府</title></head><body>" + body + "</body></html>";
}

crawl_result crawl(loopback_server& site, const char* path = "/") {
    asio::io_context ioc;
    http::client client{ioc.get_executor(), site_options()};
    external_link_cache external;
    const std::string home = "http://www.site.gov.cn:" + std::to_string(site.port()) + path;
    return run_coro(ioc, crawl_site(client, home, crawl_options{}, {}, external, 0), 30s);
}

bool has_broken(const crawl_result& r, const std::string& suffix) {
    return std::any_of(r.broken.begin(), r.broken.end(), [&](const broken_link& b) {
        return b.url.size() >= suffix.size() &&
               b.url.compare(b.url.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

// A small site whose every page is sent with `coding` ("" for plain).
void serve_site(loopback_server& site, std::string coding) {
    site.on("/", [coding](const loopback_request&) {
        return html_reply(page("<a href='/a.html'>机构概况</a><a href='/b.html'>政务公开</a>"
                               "<a href='/gone.html'>旧链接</a>"),
                          coding);
    });
    site.on("/a.html", [coding](const loopback_request&) {
        return html_reply(page("<a href='/c.html'>领导信息</a>"), coding);
    });
    site.on("/b.html",
            [coding](const loopback_request&) { return html_reply(page("正文"), coding); });
    site.on("/c.html",
            [coding](const loopback_request&) { return html_reply(page("正文"), coding); });
}

} // namespace

TEST_CASE("a site sent gzip or deflate compressed, unasked, is crawled like the plain one") {
    loopback_server plain;
    serve_site(plain, "");
    const crawl_result expected = crawl(plain);
    REQUIRE(expected.pages_crawled == 4);
    for (const char* coding : {"gzip", "deflate"}) {
        CAPTURE(coding);
        loopback_server site;
        serve_site(site, coding);
        const crawl_result r = crawl(site);
        CHECK(r.home.ok);
        CHECK(r.pages_crawled == expected.pages_crawled);
        CHECK(r.links_checked == expected.links_checked);
        CHECK(r.broken.size() == expected.broken.size());
        CHECK(has_broken(r, "/gone.html"));
    }
}

TEST_CASE("a 403 challenge, a 521 加速乐 page and a 429 never give broken_link") {
    loopback_server site;
    site.on("/", [](const loopback_request&) {
        return html_reply(page("<a href='/cf.html'>通知</a><a href='/jsl.html'>公告</a>"
                               "<a href='/busy.html'>动态</a><a href='/missing.html'>旧</a>"));
    });
    site.on("/cf.html", [](const loopback_request&) {
        loopback_reply r;
        r.status = 403;
        r.headers = {{"cf-mitigated", "challenge"}, {"Content-Type", "text/html"}};
        r.body = "<title>Just a moment...</title>";
        return r;
    });
    site.on("/jsl.html", [](const loopback_request&) {
        loopback_reply r;
        r.status = 521;
        r.headers = {{"Set-Cookie", "__jsluid_h=ab12; path=/"}};
        r.body = "<script>document.cookie=('__jsl_clearance_s=')+(+new Date());"
                 "location.href=location.pathname+location.search</script>";
        return r;
    });
    site.on("/busy.html", [](const loopback_request&) {
        loopback_reply r;
        r.status = 429;
        r.body = "Too Many Requests";
        return r;
    });
    const crawl_result r = crawl(site);
    CHECK(r.home.ok);
    CHECK_FALSE(has_broken(r, "/cf.html"));
    CHECK_FALSE(has_broken(r, "/jsl.html"));
    CHECK_FALSE(has_broken(r, "/busy.html"));
    CHECK(has_broken(r, "/missing.html"));
    CHECK(r.broken.size() == 1);
    CHECK(r.blocked_links == 3);
}

TEST_CASE("a link reached after 15 redirects is fine, after 21 it is broken") {
    loopback_server site;
    site.on("/", [](const loopback_request&) {
        return html_reply(page("<a href='/hops/15/0'>十五</a><a href='/hops/21/0'>二十一</a>"));
    });
    site.otherwise([](const loopback_request& req) {
        int total = 0, done = 0;
        loopback_reply r;
        if (std::sscanf(req.target.c_str(), "/hops/%d/%d", &total, &done) != 2) {
            r.status = 404;
            return r;
        }
        if (done == total)
            return html_reply(page("到达"));
        r.status = 302;
        r.headers = {
            {"Location", "/hops/" + std::to_string(total) + "/" + std::to_string(done + 1)}};
        return r;
    });
    const crawl_result r = crawl(site);
    CHECK_FALSE(has_broken(r, "/hops/15/0"));
    CHECK(has_broken(r, "/hops/21/0"));
    CHECK(r.broken.size() == 1);
}

TEST_CASE("'//////' on a page gives exactly one broken_link, named by its text") {
    loopback_server site;
    site.on("/", [](const loopback_request&) {
        return html_reply(page("<a href='//////'>下载</a><a href='/ok.html'>好</a>"
                               "<a href='javascript:void(0)'>打印</a>"));
    });
    site.on("/ok.html",
            [](const loopback_request&) { return html_reply(page("<a href='//////'>下载</a>")); });
    const crawl_result r = crawl(site);
    REQUIRE(r.broken.size() == 1);
    CHECK(r.broken[0].url == "//////");
    CHECK(r.broken[0].on_home);
    CHECK(r.broken[0].page_count == 2);
    CHECK(r.broken[0].status.detail == "href does not resolve to a URL: //////");
}
