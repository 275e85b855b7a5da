#include "../http/run_coro.hpp"
#include "../support/fast_client_options.hpp"
#include "../support/loopback_server.hpp"
#include "probes/off_thread.hpp"
#include "probes/site/crawler.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

// Padded with a comment past large_parse_bytes: smaller pages are parsed inline.
loopback_reply html(const std::string& title, const std::string& body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = "<html><head><title>" + title + "</title></head><body>" + body + "<!--" +
             std::string(large_parse_bytes, ' ') + "--></body></html>";
    return r;
}

// A home page with dated items and a column, a page a level down, a soft 404 crawled and one
// only checked (beyond max_depth), and a hidden link: every step the parse pool takes over.
void serve_site(loopback_server& site) {
    site.on("/", [](const loopback_request&) {
        return html("县人民政府",
                    "<ul class=nav><li><a href='/news/'>要闻动态</a></li></ul>"
                    "<ul><li><a href='/a.html'>县政府召开常务会议研究部署工作</a>"
                    "<span>2026-11-20</span></li></ul><a href='/soft.html'>旧栏目</a>"
                    "<div style='display:none'><a href='http://casino.example.com/'>百家乐</a>"
                    "</div>");
    });
    site.on("/a.html",
            [](const loopback_request&) { return html("正文", "<a href='/deep.html'>更多</a>"); });
    site.on("/deep.html", [](const loopback_request&) {
        return html("页面不存在", "对不起，您访问的页面不存在");
    });
    site.on("/soft.html",
            [](const loopback_request&) { return html("错误", "对不起，您访问的页面不存在"); });
    site.on("/news/", [](const loopback_request&) {
        return html("要闻动态", "<ul><li><a href='/news/1.html'>要闻一则标题足够长</a>"
                                "<span>2026-11-19</span></li></ul>");
    });
    site.on("/news/1.html", [](const loopback_request&) { return html("正文", "正文"); });
}

// `ioc` must outlive the pool: a pool thread still holds the caller's executor for a moment
// after it posts a result back, and run_coro returns as soon as the result is in.
crawl_result crawl(asio::io_context& ioc, const loopback_server& site,
                   std::optional<asio::any_io_executor> parse_on) {
    http::client_options o = fast_client_options();
    o.resolve["www.xian.gov.cn"] = {"127.0.0.1"};
    http::client client{ioc.get_executor(), o};
    external_link_cache external;
    crawl_options options;
    options.max_depth = 1;
    options.respect_robots = false;
    options.parse_on = std::move(parse_on);
    const std::string home = "http://www.xian.gov.cn:" + std::to_string(site.port()) + "/";
    const std::int64_t now = 1795305600; // 2026-11-23 Beijing
    return run_coro(ioc, crawl_site(client, home, options, {}, external, now), 20s);
}

std::vector<std::string> broken_urls(const crawl_result& r) {
    std::vector<std::string> urls;
    for (const broken_link& b : r.broken)
        urls.push_back(b.url + " " + b.status.detail);
    std::sort(urls.begin(), urls.end());
    return urls;
}

} // namespace

TEST_CASE("a crawl whose pages are parsed on a thread pool reads what one parsed inline reads") {
    loopback_server site;
    serve_site(site);
    asio::io_context inline_ioc;
    const crawl_result inline_parse = crawl(inline_ioc, site, std::nullopt);
    asio::io_context ioc;
    asio::thread_pool pool{2};
    const crawl_result pooled = crawl(ioc, site, pool.get_executor());
    pool.join();

    CHECK(pooled.home.ok);
    CHECK(pooled.pages_crawled == inline_parse.pages_crawled);
    CHECK(pooled.pages_crawled == 3); // home, a, news
    CHECK(broken_urls(pooled) == broken_urls(inline_parse));
    const auto broken = broken_urls(pooled);
    CHECK(std::count_if(broken.begin(), broken.end(), [](const std::string& b) {
              return b.find("soft 404") != std::string::npos;
          }) == 2); // soft.html crawled, deep.html only checked
    REQUIRE(pooled.hidden.size() == 1);
    CHECK(pooled.hidden[0].url == "http://casino.example.com/");
    REQUIRE(pooled.home_reading);
    CHECK(pooled.home_reading->items.size() == 1);
    REQUIRE(pooled.columns.size() == 1);
    CHECK(pooled.columns[0].reading.items.size() == 1);
}
