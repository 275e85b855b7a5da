#include "../http/run_coro.hpp"
#include "../support/fast_client_options.hpp"
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
    http::client_options o = fast_client_options();
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
        return html(
            "<ul class=nav><li><a href='/news/'>要闻动态</a></li></ul>"
            "<ul><li><a href='/a.html'>省政府召开常务会议研究部署工作</a>"
            "<span>2026-11-20</span></li>"
            "<li><a href='/missing.html'>关于印发实施方案的通知全文</a>"
            "<span>2026-11-18</span></li></ul>"
            "<img src='/img/logo.png'><img src='/img/broken.png'>"
            "<a href='/soft.html'>旧栏目</a> <a href='javascript:void(0)'>打印</a>"
            "<a href='/private/secret.html'>内部</a>"
            "<a href='" +
            e + "/ok'>外链</a><a href='" + e +
            "/gone'>失效外链</a>"
            "<a href='http://shop.example.com/buy'>广告</a>"
            "<div style='display:none'><a href='http://casino.example.com/'>百家乐</a></div>");
    });
    site.on("/a.html", [](const loopback_request&) {
        return html(
            "<a href='/'>首页</a><a href='/b.html'>下一篇</a><a href='/missing.html'>附件</a>");
    });
    site.on("/b.html", [](const loopback_request&) { return html("正文"); });
    site.on("/news/", [](const loopback_request&) {
        return html("<ul><li><a "
                    "href='/news/1.html'>要闻一则标题足够长</a><span>2026-11-19</span></li></ul>");
    });
    site.on("/news/1.html", [](const loopback_request&) { return html("正文"); });
    site.on("/soft.html",
            [](const loopback_request&) { return html("对不起，您访问的页面不存在"); });
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
    // The home page is fetched twice more, as Baiduspider and with a Baidu referer.
    CHECK(site.requests() <= 10 + 2 + 1 + 2);
}

namespace {

http::client_options options_resolving(std::initializer_list<const char*> hosts) {
    http::client_options o = options_for(0, 0);
    for (const char* host : hosts)
        o.resolve[host] = {"127.0.0.1"};
    return o;
}

std::string origin(const char* host, const loopback_server& server) {
    return std::string{"http://"} + host + ":" + std::to_string(server.port());
}

bool requested(const loopback_server& server, std::string_view target) {
    server.wait_recorded(); // a request is recorded after its reply is written
    const auto seen = server.seen();
    return std::any_of(seen.begin(), seen.end(),
                       [&](const loopback_request& r) { return r.target == target; });
}

struct two_host_site {
    loopback_server www;
    loopback_server fgw;
    loopback_server other;

    two_host_site() {
        const std::string f = origin("fgw.site.gov.cn", fgw);
        const std::string o = origin("www.other.gov.cn", other);
        www.on("/", [f, o](const loopback_request&) {
            return html("<a href='/a.html'>本站</a><a href='" + f +
                        "/'>发改委</a>"
                        "<a href='" +
                        o + "/'>外省</a>");
        });
        www.on("/a.html", [](const loopback_request&) { return html("正文"); });
        fgw.on("/", [](const loopback_request&) {
            return html("<a href='/zcfg.html'>政策法规</a><a href='/missing.html'>旧通知</a>"
                        "<a href='/private/x.html'>内部</a>");
        });
        fgw.on("/zcfg.html", [](const loopback_request&) { return html("政策"); });
        fgw.on("/robots.txt", [](const loopback_request&) {
            loopback_reply r;
            r.headers.emplace_back("Content-Type", "text/plain");
            r.body = "User-agent: *\nDisallow: /private/\n";
            return r;
        });
        other.on("/", [](const loopback_request&) {
            return html("<a href='/other-page.html'>外省页面</a>");
        });
    }

    crawl_result crawl(bool subhosts, external_link_cache& external) {
        asio::io_context ioc;
        http::client client{ioc.get_executor(),
                            options_resolving({"fgw.site.gov.cn", "www.other.gov.cn"})};
        crawl_options options;
        options.subhosts = subhosts;
        return run_coro(
            ioc, crawl_site(client, origin("www.site.gov.cn", www) + "/", options, {}, external, 0),
            20s);
    }
};

} // namespace

TEST_CASE("with subhosts a crawl reads the pages of its domain's other hosts, never another's") {
    two_host_site sites;
    external_link_cache external;
    const crawl_result result = sites.crawl(true, external);
    CHECK(result.pages_crawled == 4); // www /, /a.html, fgw /, /zcfg.html
    REQUIRE(find_broken(result, "/missing.html"));
    CHECK(find_broken(result, "/missing.html")->pages ==
          std::vector<std::string>{origin("fgw.site.gov.cn", sites.fgw) + "/"});
    CHECK(requested(sites.fgw, "/robots.txt"));
    CHECK_FALSE(requested(sites.fgw, "/private/x.html"));
    // The other province's site is an external link: checked once, not crawled.
    CHECK(requested(sites.other, "/"));
    CHECK_FALSE(requested(sites.other, "/other-page.html"));
    CHECK(external.count(origin("www.other.gov.cn", sites.other) + "/") == 1);
    CHECK(external.count(origin("fgw.site.gov.cn", sites.fgw) + "/") == 0);
}

TEST_CASE("without subhosts another host of the site's domain is only checked") {
    two_host_site sites;
    external_link_cache external;
    const crawl_result result = sites.crawl(false, external);
    CHECK(result.pages_crawled == 2);
    CHECK(result.broken.empty());
    CHECK(requested(sites.fgw, "/"));
    CHECK_FALSE(requested(sites.fgw, "/zcfg.html"));
    CHECK(external.count(origin("fgw.site.gov.cn", sites.fgw) + "/") == 1);
}

TEST_CASE("links on a GBK page send their queries in GBK and their paths in UTF-8") {
    loopback_server site;
    site.on("/", [](const loopback_request&) {
        loopback_reply r;
        r.headers.emplace_back("Content-Type", "text/html; charset=GBK");
        // <a href="/search.jsp?q=湖北">搜索结果</a><a href="/新闻/">新闻</a>, in GBK bytes.
        r.body = "<html><head><title>site</title></head><body>"
                 "<a href=\"/search.jsp?q=\xBA\xFE\xB1\xB1\">\xCB\xD1\xCB\xF7\xBD\xE1\xB9\xFB</a>"
                 "<a href=\"/\xD0\xC2\xCE\xC5/\">\xD0\xC2\xCE\xC5</a></body></html>";
        return r;
    });
    // Like a GBK-era search page: the UTF-8 spelling of the query finds nothing.
    site.on("/search.jsp", [](const loopback_request& req) {
        return req.target == "/search.jsp?q=%BA%FE%B1%B1" ? html("搜索结果") : status(404);
    });
    site.on("/%E6%96%B0%E9%97%BB/", [](const loopback_request&) { return html("新闻"); });
    asio::io_context ioc;
    http::client client{ioc.get_executor(), options_for(0, 0)};
    external_link_cache external;
    crawl_options options;
    options.respect_robots = false;
    const auto result = run_coro(
        ioc, crawl_site(client, origin("www.site.gov.cn", site) + "/", options, {}, external, 0),
        20s);
    CHECK(result.pages_crawled == 3);
    CHECK(result.broken.empty());
    CHECK(requested(site, "/search.jsp?q=%BA%FE%B1%B1"));
}

namespace {

const char* gambling_page =
    "<html><head><title>澳门新葡京娱乐城</title></head><body>"
    "<p>百家乐 真人视讯 娱乐城 老虎机 体育投注 注册即送彩金</p></body></html>";

loopback_reply raw_html(std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = std::move(body);
    return r;
}

struct linked_pages {
    loopback_server site;
    loopback_server ext;
    loopback_server police;

    linked_pages() {
        const std::string e = origin("ext.example.com", ext);
        const std::string p = origin("www.police.gov.cn", police);
        site.on("/", [e, p](const loopback_request&) {
            return html("<a href='" + e +
                        "/friend'>友情链接</a>"
                        "<a href='" +
                        e +
                        "/report'>新闻报道</a>"
                        "<a href='" +
                        p +
                        "/case'>案例通报</a>"
                        "<img src='" +
                        e + "/logo.png'>");
        });
        ext.on("/friend", [](const loopback_request&) { return raw_html(gambling_page); });
        ext.on("/logo.png", [](const loopback_request&) { return raw_html(gambling_page); });
        ext.on("/report", [](const loopback_request&) {
            return html("警方依法打击网络赌博违法犯罪：查处六合彩、百家乐、赌球窝点，"
                        "取缔赌场，欢迎举报涉赌线索。");
        });
        police.on("/case", [](const loopback_request&) { return raw_html(gambling_page); });
    }

    crawl_result crawl(external_link_cache& external, int target_pages_read = 200) {
        asio::io_context ioc;
        http::client client{ioc.get_executor(), options_resolving({"www.police.gov.cn"})};
        crawl_options options;
        options.respect_robots = false;
        options.target_pages_read = target_pages_read;
        return run_coro(
            ioc,
            crawl_site(client, origin("www.site.gov.cn", site) + "/", options, {}, external, 0),
            20s);
    }
};

} // namespace

TEST_CASE("a link to a gambling page is a hidden link, one to a report on gambling is not") {
    linked_pages pages;
    external_link_cache external;
    const crawl_result result = pages.crawl(external);
    REQUIRE(result.hidden.size() == 1);
    CHECK(result.hidden[0].url == origin("ext.example.com", pages.ext) + "/friend");
    CHECK(result.hidden[0].page == origin("www.site.gov.cn", pages.site) + "/");
    CHECK(result.hidden[0].reason.find("target page carries gambling/porn vocabulary: 娱乐城, "
                                       "百家乐") == 0);
    CHECK(result.broken.empty());

    // The verdict travels with the cycle's external cache: another site linking there is
    // flagged without fetching the page again.
    const int fetched = pages.ext.requests();
    const crawl_result again = pages.crawl(external);
    CHECK(again.hidden.size() == 1);
    CHECK(pages.ext.requests() == fetched);
}

TEST_CASE("target pages are not read beyond the per-crawl cap") {
    linked_pages pages;
    external_link_cache external;
    CHECK(pages.crawl(external, 0).hidden.empty());
}
