#include "../http/run_coro.hpp"
#include "../support/installed_browser.hpp"
#include "../support/loopback_server.hpp"
#include "probes/site/crawler.hpp"
#include "probes/site/page_renderer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t now = 1796349600;              // 2026-12-04 10:00 Beijing
constexpr std::int64_t december_2_ends = 1796227199;  // 2026-12-02 23:59:59 Beijing
constexpr std::int64_t november_28_ends = 1795881599; // 2026-11-28 23:59:59 Beijing

loopback_reply typed(std::string type, std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", std::move(type));
    r.body = std::move(body);
    return r;
}

// Home page shaped like the county portals whose news list a script fetches as JSON (the
// template renders an empty <ul> and an XHR fills it), written for this test.
const char* xhr_home = R"(<html><head><meta charset="utf-8"><title>某某县人民政府</title></head>
<body><div class="nav"><a href="/col/notice">通知公告</a><a href="/col/news/">政务要闻</a></div>
<ul id="news"></ul>
<script>
var x = new XMLHttpRequest();
x.open('GET', '/api/news.json');
x.onload = function () {
  JSON.parse(x.responseText).forEach(function (it) {
    var li = document.createElement('li');
    li.innerHTML = '<a href="' + it.url + '">' + it.title + '</a><span>' + it.date + '</span>';
    document.getElementById('news').appendChild(li);
  });
};
x.send();
</script></body></html>)";

// A column whose list a timer writes in after the page has loaded.
const char* timer_column = R"(<html><head><meta charset="utf-8"><title>通知公告</title></head>
<body><ul id="notice"></ul><script>
setTimeout(function () {
  document.getElementById('notice').innerHTML =
    '<li><a href="9.html">关于开展冬季消防安全检查的通知</a><span>2026-11-28</span></li>';
}, 1500);
</script></body></html>)";

// A column that shows its rows in the HTML itself: no browser for it.
const char* plain_column = R"(<html><head><meta charset="utf-8"><title>政务要闻</title></head>
<body><ul><li><a href="/art/5.html">县政府召开常务会议研究部署冬季工作</a>
<span>2026-12-01</span></li></ul></body></html>)";

// A GBK page (most county sites still are) whose list arrives as UTF-8 JSON: the browser's DOM
// is UTF-8 although the page still says charset=gbk.
const char* gbk_column =
    "<html><head><meta charset=gbk><title>\xcd\xa8\xd6\xaa\xb9\xab\xb8\xe6"
    "</title></head><body><ul id=list></ul><script>"
    "var x = new XMLHttpRequest(); x.open('GET', '/api/gbk.json');"
    "x.onload = function () { JSON.parse(x.responseText).forEach(function (it) {"
    "var li = document.createElement('li'); li.innerHTML = '<a href=\"' + "
    "it.url + '\">' + it.title + '</a><span>' + it.date + '</span>';"
    "document.getElementById('list').appendChild(li); }); }; x.send();"
    "</script></body></html>";

struct script_site {
    loopback_server server;
    explicit script_site(bool news_hangs = false) {
        server.on("/", [](const loopback_request&) {
            return typed("text/html; charset=utf-8", xhr_home);
        });
        server.on("/api/news.json", [news_hangs](const loopback_request&) {
            loopback_reply r =
                typed("application/json",
                      R"([{"url":"/art/1.html","title":"县长主持召开防汛工作会议",)"
                      R"("date":"2026-11-30"},{"url":"/art/2.html",)"
                      R"("title":"关于做好冬季安全生产工作的通知","date":"2026-12-02"}])");
            r.hang = news_hangs;
            return r;
        });
        server.on("/col/notice", [](const loopback_request&) {
            loopback_reply r;
            r.status = 301;
            r.headers.emplace_back("Location", "/col/notice/");
            return r;
        });
        server.on("/col/notice/", [](const loopback_request&) {
            return typed("text/html; charset=utf-8", timer_column);
        });
        server.on("/col/news/", [](const loopback_request&) {
            return typed("text/html; charset=utf-8", plain_column);
        });
        server.on("/col/gbk/", [](const loopback_request&) {
            return typed("text/html; charset=gbk", gbk_column);
        });
        server.on("/api/gbk.json", [](const loopback_request&) {
            return typed("application/json; charset=utf-8",
                         R"([{"url":"/art/7.html","title":"县人民政府关于调整防汛指挥部的通知",)"
                         R"("date":"2026-12-03"}])");
        });
        server.on("/col/gone/", [](const loopback_request&) {
            return typed("text/html; charset=utf-8",
                         "<html><head><title>页面不存在</title></head><body>对不起，您访问的页面"
                         "不存在<script>document.title='404'</script></body></html>");
        });
        server.otherwise([](const loopback_request&) {
            return typed("text/html; charset=utf-8", "<html><body>正文</body></html>");
        });
    }
    std::string home() const {
        return "http://www.county.gov.cn:" + std::to_string(server.port()) + "/";
    }
    std::vector<configured_column> columns() const {
        const std::string base = "http://www.county.gov.cn:" + std::to_string(server.port());
        return {{"通知公告", base + "/col/notice", "notice"},
                {"政务要闻", base + "/col/news/", "news"},
                {"旧栏目", base + "/col/gone/", "news"},
                {"县府文件", base + "/col/gbk/", "notice"}};
    }
    int requests_for(std::string_view target) const {
        server.wait_recorded(); // a request is recorded after its reply is written
        const auto seen = server.seen();
        return static_cast<int>(std::count_if(seen.begin(), seen.end(),
                                              [&](const auto& r) { return r.target == target; }));
    }
};

http::client_options client_options() {
    http::client_options o;
    o.timeout = 5s;
    o.per_host_delay = 0ms;
    o.retries = 0;
    o.resolve["www.county.gov.cn"] = {"127.0.0.1"};
    return o;
}

render_options renderer_options(std::vector<std::string>& results) {
    render_options o;
    o.browser = installed_browser();
    o.resolve["www.county.gov.cn"] = {"127.0.0.1"};
    o.user_agent = "govmon/1.0";
    o.on_render = [&results](std::string_view r) { results.emplace_back(r); };
    return o;
}

crawl_result crawl(const script_site& site, page_renderer* renderer) {
    asio::io_context ioc;
    http::client client{ioc.get_executor(), client_options()};
    external_link_cache external;
    crawl_options options;
    options.renderer = renderer;
    return run_coro(ioc, crawl_site(client, site.home(), options, site.columns(), external, now),
                    90s);
}

bool lists(const page_reading& reading, const std::string& attempt) {
    return std::find(reading.attempts.begin(), reading.attempts.end(), attempt) !=
           reading.attempts.end();
}

const column_reading& column_named(const crawl_result& r, const std::string& name) {
    const auto it = std::find_if(r.columns.begin(), r.columns.end(),
                                 [&](const column_reading& c) { return c.column.name == name; });
    REQUIRE(it != r.columns.end());
    return *it;
}

} // namespace

TEST_CASE("a home page whose list comes from an XHR to a JSON endpoint is dated by its "
          "rendered DOM; so is a column a timer fills; a column with rows is not rendered") {
    const std::string tmp = private_tmpdir();
    script_site site;
    std::vector<std::string> results;
    page_renderer renderer(renderer_options(results));
    const crawl_result r = crawl(site, &renderer);

    REQUIRE(r.home_reading);
    const page_reading& home = *r.home_reading;
    REQUIRE(home.items.size() == 2);
    CHECK(newest(home) == december_2_ends);
    CHECK(home.items[1].title == "关于做好冬季安全生产工作的通知");
    CHECK(home.items[1].url ==
          "http://www.county.gov.cn:" + std::to_string(site.server.port()) + "/art/2.html");
    for (const dated_item& item : home.items)
        CHECK(item.origin == date_origin::rendered_page);
    CHECK(lists(home, "browser render: 2 dated items"));

    const column_reading& notice = column_named(r, "通知公告");
    CHECK(newest(notice.reading) == november_28_ends);
    REQUIRE(notice.reading.items.size() == 1);
    CHECK(notice.reading.items[0].origin == date_origin::rendered_page);
    // Reached by a redirect: the rows' links resolve against where the page is.
    CHECK(notice.reading.items[0].url ==
          "http://www.county.gov.cn:" + std::to_string(site.server.port()) + "/col/notice/9.html");
    CHECK(lists(notice.reading, "browser render: 1 dated item"));

    const column_reading& news = column_named(r, "政务要闻");
    CHECK(news.reading.items.size() == 1);
    CHECK(news.reading.items[0].origin == date_origin::list_row);
    CHECK(news.reading.attempts.empty());

    const column_reading& gbk = column_named(r, "县府文件");
    REQUIRE(gbk.reading.items.size() == 1);
    CHECK(gbk.reading.items[0].title == "县人民政府关于调整防汛指挥部的通知");

    // A page that says it is not found is an error page, not one to render.
    CHECK(lists(column_named(r, "旧栏目").reading,
                "browser render: not tried, the page says it is not found"));

    CHECK(results == std::vector<std::string>{"ok", "ok", "ok"});
    CHECK(site.requests_for("/api/news.json") == 1); // the browser's, not govmon's
    CHECK(no_process_mentions(tmp));
    std::filesystem::remove_all(tmp);
}

TEST_CASE("a render that passes its budget is recorded as timed out; the browser is gone") {
    const std::string tmp = private_tmpdir();
    script_site site(true);
    std::vector<std::string> results;
    render_options o = renderer_options(results);
    o.timeout = 3s;
    page_renderer renderer(o);
    const crawl_result r = crawl(site, &renderer);

    REQUIRE(r.home_reading);
    CHECK(r.home_reading->items.empty());
    CHECK(lists(*r.home_reading, "browser render: timed out after 3s"));
    REQUIRE_FALSE(results.empty());
    CHECK(results.front() == "timeout");
    CHECK(no_process_mentions(tmp));
    site.server.stop();
    std::filesystem::remove_all(tmp);
}

TEST_CASE("crawl.render never: no browser runs, and the readings say so") {
    script_site site;
    std::vector<std::string> results;
    render_options o = renderer_options(results);
    o.mode = render_mode::never;
    page_renderer renderer(o);
    const crawl_result r = crawl(site, &renderer);

    REQUIRE(r.home_reading);
    CHECK(r.home_reading->items.empty());
    CHECK(lists(*r.home_reading, "browser render: off (crawl.render: never)"));
    CHECK(lists(column_named(r, "通知公告").reading, "browser render: off (crawl.render: never)"));
    CHECK(results.empty());
    CHECK(site.requests_for("/api/news.json") == 0); // only a browser runs the page's script
}
