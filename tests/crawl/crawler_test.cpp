#include "../http/run_coro.hpp"
#include "../support/loopback_server.hpp"
#include "probes/site/crawler.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

loopback_reply html(std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = "<html><head><title>湖北省人民政府</title></head><body>" + body + "</body></html>";
    return r;
}

loopback_reply status(int code) {
    loopback_reply r;
    r.status = code;
    r.body = "<html><body>error</body></html>";
    return r;
}

http::client_options options_for(std::uint16_t site_port, std::uint16_t ext_port) {
    http::client_options o;
    o.timeout = 2s;
    o.connect_timeout = 1s;
    o.dns_timeout = 1s;
    o.per_host_delay = 0ms;
    o.retries = 0;
    o.per_host = 4;
    (void)site_port;
    (void)ext_port;
    o.resolve["www.site.gov.cn"] = {"127.0.0.1"};
    o.resolve["ext.example.com"] = {"127.0.0.1"};
    return o;
}

const broken_link* find_broken(const crawl_result& r, const std::string& suffix) {
    for (const auto& b : r.broken)
        if (b.url.size() >= suffix.size() &&
            b.url.compare(b.url.size() - suffix.size(), suffix.size(), suffix) == 0)
            return &b;
    return nullptr;
}

} // namespace

TEST_CASE("a crawl finds broken, soft-404, external and resource links, ads and hidden links") {
    loopback_server ext;
    ext.on("/ok", [](const loopback_request&) { return html("外部页面"); });
    ext.on("/gone", [](const loopback_request&) { return status(404); });

    loopback_server site;
    const std::string e = "http://ext.example.com:" + std::to_string(ext.port());
    const std::string s = "http://www.site.gov.cn:" + std::to_string(site.port());
    site.on("/", [e](const loopback_request&) {
        return html("<ul class=nav><li><a href='/news/'>要闻动态</a></li></ul>"
                    "<ul><li><a href='/a.html'>省政府召开常务会议研究部署工作</a>"
                    "<span>2026-11-20</span></li>"
                    "<li><a href='/missing.html'>关于印发实施方案的通知全文</a>"
                    "<span>2026-11-18</span></li></ul>"
                    "<img src='/img/logo.png'><img src='/img/broken.png'>"
                    "<a href='/soft.html'>旧栏目</a> <a href='javascript:void(0)'>打印</a>"
                    "<a href='/private/secret.html'>内部</a>"
                    "<a href='" + e + "/ok'>外链</a><a href='" + e + "/gone'>失效外链</a>"
                    "<a href='http://shop.example.com/buy'>广告</a>"
                    "<div style='display:none'><a href='http://casino.example.com/'>百家乐</a></div>");
    });
    site.on("/a.html", [](const loopback_request&) {
        return html("<a href='/'>首页</a><a href='/b.html'>下一篇</a><a href='/missing.html'>附件</a>");
    });
    site.on("/b.html", [](const loopback_request&) { return html("正文"); });
    site.on("/news/", [](const loopback_request&) {
        return html("<ul><li><a href='/news/1.html'>要闻一则标题足够长</a><span>2026-11-19</span></li></ul>");
    });
    site.on("/news/1.html", [](const loopback_request&) { return html("正文"); });
    site.on("/soft.html", [](const loopback_request&) {
        return html("对不起，您访问的页面不存在");
    });
    site.on("/img/logo.png", [](const loopback_request& req) {
        if (req.method == "HEAD")
            return status(405);
        loopback_reply r;
        r.headers.emplace_back("Content-Type", "image/png");
        r.body = "PNG";
        return r;
    });
    site.on("/robots.txt", [](const loopback_request&) {
        loopback_reply r;
        r.headers.emplace_back("Content-Type", "text/plain");
        r.body = "User-agent: *\nDisallow: /private/\n";
        return r;
    });

    asio::io_context ioc;
    http::client client{ioc.get_executor(), options_for(site.port(), ext.port())};
    external_link_cache external;
    crawl_options options;
    options.ad_keywords = {"广告", "推广"};
    const std::int64_t now = 1795305600; // 2026-11-23 Beijing
    auto result = run_coro(ioc, crawl_site(client, s + "/", options, {}, external, now), 20s);

    CHECK(result.home.ok);
    CHECK(result.pages_crawled == 5); // /, a, b, news, news/1
    REQUIRE(find_broken(result, "/missing.html"));
    CHECK(find_broken(result, "/missing.html")->on_home);
    CHECK(find_broken(result, "/missing.html")->page_count == 2);
    CHECK(find_broken(result, "/missing.html")->status.http_status == 404);
    REQUIRE(find_broken(result, "/soft.html"));
    CHECK(find_broken(result, "/soft.html")->status.detail.find("soft 404") != std::string::npos);
    CHECK(find_broken(result, "/img/broken.png"));
    CHECK(find_broken(result, "/gone"));
    CHECK_FALSE(find_broken(result, "/img/logo.png"));
    CHECK_FALSE(find_broken(result, "/ok"));
    CHECK_FALSE(find_broken(result, "/b.html"));
    CHECK(result.broken.size() == 6); // + shop and casino: their hosts do not resolve here

    for (const auto& seen : site.seen())
        CHECK(seen.target.rfind("/private/", 0) != 0);
    CHECK(external.count(e + "/ok") == 1);

    REQUIRE(result.ads.size() == 1);
    CHECK(result.ads[0].url == "http://shop.example.com/buy");
    REQUIRE(result.hidden.size() == 1);
    CHECK(result.hidden[0].url == "http://casino.example.com/");

    REQUIRE(result.home_reading);
    CHECK(result.home_reading->items.size() == 2);
    REQUIRE(result.columns.size() == 1);
    CHECK(result.columns[0].column.category == "news");
    CHECK(result.columns[0].reading.items.size() == 1);
}

TEST_CASE("a crawl stops at max_pages and checks the rest without crawling it") {
    loopback_server site;
    site.otherwise([](const loopback_request& req) {
        if (req.target.find_first_not_of("/0123456789") != std::string::npos)
            return status(404);
        const int n = std::atoi(req.target.c_str() + 1);
        return html("<a href='/" + std::to_string(n + 1) + "'>下一页</a><a href='/" +
                    std::to_string(n + 2) + "'>再下一页</a>");
    });
    asio::io_context ioc;
    http::client client{ioc.get_executor(), options_for(site.port(), 0)};
    external_link_cache external;
    crawl_options options;
    options.max_pages = 10;
    options.respect_robots = false;
    const std::string s = "http://www.site.gov.cn:" + std::to_string(site.port());
    auto result = run_coro(ioc, crawl_site(client, s + "/0", options, {}, external, 0), 20s);
    CHECK(result.pages_crawled == 10);
    CHECK(result.broken.empty());
    // Pages beyond the limit are checked, not crawled: their own links are never requested.
    CHECK(site.requests() <= 10 + 2 + 1);
}
