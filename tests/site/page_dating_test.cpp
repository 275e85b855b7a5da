// How a crawl dates home and column pages whose HTML rows give no date: CMS lists kept in
// scripts, Hanweb's next list group, the articles an undated list links to; and a content page
// titled like an error page. Every site here is a loopback server.

#include "../http/run_coro.hpp"
#include "../site/page_fixture.hpp"
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

const std::int64_t fixed_now = beijing(2026, 12, 4, 10);

loopback_reply page(std::string head, std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = "<html><head><title>某某县人民政府</title>" + head + "</head><body>" + body +
             "</body></html>";
    return r;
}

loopback_reply html(std::string body) {
    return page("", std::move(body));
}

struct site_under_test {
    loopback_server server;
    std::string origin() const { return "http://www.site.gov.cn:" + std::to_string(server.port()); }

    crawl_result crawl(std::vector<configured_column> columns = {}) {
        asio::io_context ioc;
        http::client_options o = fast_client_options();
        o.resolve["www.site.gov.cn"] = {"127.0.0.1"};
        http::client client{ioc.get_executor(), o};
        external_link_cache external;
        crawl_options options;
        options.check_external = false;
        for (auto& c : columns)
            c.url = origin() + c.url;
        return run_coro(
            ioc,
            crawl_site(client, origin() + "/", options, std::move(columns), external, fixed_now),
            20s);
    }

    // The server records a request after writing its reply, so the crawl may have read the
    // last answer first: wait until the server has recorded every request it answered.
    int requests_to(std::string_view path) const {
        server.wait_recorded();
        const auto seen = server.seen();
        return static_cast<int>(std::count_if(seen.begin(), seen.end(), [&](const auto& r) {
            return r.target.substr(0, r.target.find('?')) == path;
        }));
    }
};

std::string hanweb_record(std::string_view href, std::string_view title, std::string_view date) {
    return "<record><![CDATA[<li><a href=\"" + std::string(href) + "\" title=\"" +
           std::string(title) + "\">" + std::string(title) + "</a><span>" + std::string(date) +
           "</span></li>]]></record>";
}

// Hanweb JCMS's list unit: see tests/site/cms_records_test.cpp for where the shape comes from.
std::string hanweb_list(std::string records, std::string next = "") {
    return "<div id=\"5678\"><script type=\"text/xml\"><datastore><nextgroup><![CDATA[<a href=\"" +
           next + "\"></a>]]></nextgroup><recordset>" + records +
           "</recordset></datastore></script></div>";
}

bool all_from(const page_reading& reading, date_origin origin) {
    return !reading.items.empty() &&
           std::all_of(reading.items.begin(), reading.items.end(),
                       [origin](const dated_item& i) { return i.origin == origin; });
}

bool attempted(const page_reading& reading, std::string_view line) {
    return std::find(reading.attempts.begin(), reading.attempts.end(), line) !=
           reading.attempts.end();
}

const std::string dataproxy = "/module/web/jpage/dataproxy.jsp";

} // namespace

TEST_CASE("a Hanweb JCMS site is dated by its datastore records and its next group") {
    site_under_test site;
    site.server.on("/", [](const loopback_request&) {
        return html("<div class=nav><a href='/col/col1229/index.html'>通知公告</a></div><ul>" +
                    hanweb_list(hanweb_record("/art/2026/12/2/art_1229_1.html",
                                              "关于做好冬季安全生产工作的通知", "2026-12-02")) +
                    "</ul>");
    });
    // The column's first group is empty; its datastore points at the next one.
    site.server.on("/col/col1229/index.html", [](const loopback_request&) {
        return html(hanweb_list("", dataproxy + "?page=1&webid=1&columnid=1229&unitid=5678"));
    });
    site.server.on(dataproxy, [](const loopback_request&) {
        loopback_reply r;
        r.headers.emplace_back("Content-Type", "text/xml;charset=UTF-8");
        r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore><nextgroup><![CDATA[]]>"
                 "</nextgroup><recordset>" +
                 hanweb_record("/art/2026/11/30/art_1229_7.html", "全县重点项目集中开工仪式举行",
                               "2026-11-30") +
                 "</recordset></datastore>";
        return r;
    });
    site.server.otherwise([](const loopback_request&) { return html("正文"); });

    const auto result = site.crawl({{"通知公告", "/col/col1229/index.html", "notice"}});
    REQUIRE(result.home_reading);
    CHECK(all_from(*result.home_reading, date_origin::cms_record));
    CHECK(newest(*result.home_reading) == end_of_day(2026, 12, 2));
    CHECK(result.home_reading->attempts.empty());
    REQUIRE(result.columns.size() == 1);
    const auto& column = result.columns[0].reading;
    CHECK(all_from(column, date_origin::cms_record));
    CHECK(newest(column) == end_of_day(2026, 11, 30));
    CHECK(column.items[0].url == site.origin() + "/art/2026/11/30/art_1229_7.html");
    CHECK(attempted(column, "CMS next group: 1 dated records"));
    CHECK(site.requests_to(dataproxy) == 1); // the home page, already dated, asks for nothing
}

TEST_CASE("a home page whose list is written by document.write is dated by it") {
    site_under_test site;
    site.server.on("/", [](const loopback_request&) {
        return html(R"(<div class="tzgg"><script>
            document.writeln('<ul>');
            document.writeln('<li><a href="/zwgk/202612/t20261203_1.html">\u5173\u4e8e\u505a\u597d\u51ac\u5b63\u4f9b\u6696\u5de5\u4f5c\u7684\u901a\u77e5</a><span>2026-12-03</span></li>');
            document.writeln('</ul>');
            </script></div>)");
    });
    site.server.otherwise([](const loopback_request&) { return html("正文"); });
    const auto result = site.crawl();
    REQUIRE(result.home_reading);
    CHECK(all_from(*result.home_reading, date_origin::cms_record));
    CHECK(result.home_reading->items[0].title == "关于做好冬季供暖工作的通知");
    CHECK(newest(*result.home_reading) == end_of_day(2026, 12, 3));
}

TEST_CASE("undated lists are dated by the articles they link to, at most ten, on-site only") {
    site_under_test site;
    site.server.on("/", [](const loopback_request&) {
        std::string rows;
        for (int i = 1; i <= 12; ++i)
            rows += "<li><a href='/art/" + std::to_string(i) + ".html'>关于做好第" +
                    std::to_string(i) + "项重点工作的通知</a></li>";
        return html(
            "<ul><li><a href='/private/0.html'>内部资料汇编第一辑（不公开）</a></li>"
            "<li><a href='http://www.other.gov.cn/x.html'>外单位发布的一则重要通知</a></li>" +
            rows + "</ul>");
    });
    site.server.on("/robots.txt", [](const loopback_request&) {
        loopback_reply r;
        r.headers.emplace_back("Content-Type", "text/plain");
        r.body = "User-agent: *\nDisallow: /private/\n";
        return r;
    });
    // Each article dated the way CMSs write it: a PubDate meta, a 发布时间 label, a byline.
    site.server.on("/art/1.html", [](const loopback_request&) {
        return page("<meta name=\"PubDate\" content=\"2026-12-01 09:30\">", "<h1>标题</h1>正文");
    });
    site.server.on("/art/2.html", [](const loopback_request&) {
        return html("<h1>标题</h1><div>发布时间：2026-11-28 16:00</div><p>正文</p>");
    });
    site.server.on("/art/3.html", [](const loopback_request&) {
        return html("<h1>标题</h1><ul><li>来源：县政府办</li><li>2026-11-20 14:43</li></ul>");
    });
    site.server.otherwise([](const loopback_request&) { return html("<h1>标题</h1><p>正文</p>"); });

    const auto result = site.crawl();
    REQUIRE(result.home_reading);
    const auto& home = *result.home_reading;
    REQUIRE(home.items.size() == 3);
    CHECK(all_from(home, date_origin::linked_article));
    CHECK(home.items[0].title == "关于做好第1项重点工作的通知");
    CHECK(home.items[0].url == site.origin() + "/art/1.html");
    CHECK(home.items[0].published == beijing(2026, 12, 1, 9, 30));
    CHECK(home.items[1].published == beijing(2026, 11, 28, 16));
    CHECK(home.items[2].published == beijing(2026, 11, 20, 14, 43));
    CHECK(newest(home) == beijing(2026, 12, 1, 9, 30));
    // Of the first ten entries, the robots-forbidden one and the other site's are not opened.
    CHECK(attempted(home, "linked articles: 8 opened, 3 dated"));
    CHECK(site.requests_to("/private/0.html") == 0);
    // The crawl reads every article once; the dating step opens the eighth again, not the ninth
    // (the eleventh entry, beyond ten).
    CHECK(site.requests_to("/art/8.html") == 2);
    CHECK(site.requests_to("/art/9.html") == 1);
}

TEST_CASE("a page with dated rows opens no article and asks for no next group") {
    site_under_test site;
    site.server.on("/", [](const loopback_request&) {
        return html("<ul><li><a href='/a/1.html'>关于做好冬季安全生产工作的通知</a>"
                    "<span>2026-12-01</span></li><li><a href='/a/2.html'>一条没有日期的信息标题</a>"
                    "</li></ul>" +
                    hanweb_list("", dataproxy + "?page=1"));
    });
    site.server.otherwise([](const loopback_request&) { return html("<h1>标题</h1>正文"); });
    const auto result = site.crawl();
    REQUIRE(result.home_reading);
    CHECK(result.home_reading->items.size() == 1);
    CHECK(result.home_reading->attempts.empty());
    CHECK(site.requests_to(dataproxy) == 0);
    CHECK(site.requests_to("/a/2.html") == 1); // by the crawl itself, not by the dating
}

TEST_CASE("a page that nothing dates says what was tried") {
    site_under_test site;
    site.server.on("/", [](const loopback_request&) {
        return html("<ul><li><a href='/a/1.html'>关于做好冬季安全生产工作的通知</a></li></ul>");
    });
    site.server.otherwise([](const loopback_request&) { return html("<h1>标题</h1>正文"); });
    const auto result = site.crawl();
    REQUIRE(result.home_reading);
    CHECK(result.home_reading->items.empty());
    CHECK(result.home_reading->attempts ==
          std::vector<std::string>{"CMS records: none", "linked articles: 1 opened, 0 dated"});
}

TEST_CASE("a content page titled 页面 404 that lists dated rows is no soft 404") {
    site_under_test site;
    site.server.on("/", [](const loopback_request&) {
        return html("<a href='/zt/404.html'>专题</a><a href='/gone.html'>旧页</a>");
    });
    site.server.on("/zt/404.html", [](const loopback_request&) {
        std::string rows;
        for (int i = 1; i <= 40; ++i)
            rows += "<li><a href='/zt/" + std::to_string(i) + ".html'>第" + std::to_string(i) +
                    "期专题工作动态信息</a><span>2026-11-" + std::to_string(i % 28 + 1) +
                    "</span></li>";
        loopback_reply r = html("<ul>" + rows + "</ul>");
        r.body.replace(r.body.find("某某县人民政府"), std::string("某某县人民政府").size(),
                       "页面 404");
        return r;
    });
    site.server.on("/gone.html", [](const loopback_request&) {
        loopback_reply r = html("<p>返回首页</p>");
        r.body.replace(r.body.find("某某县人民政府"), std::string("某某县人民政府").size(),
                       "页面 404");
        return r;
    });
    site.server.otherwise([](const loopback_request&) { return html("正文"); });
    const auto result = site.crawl();
    const auto broken = [&](std::string_view path) {
        return std::any_of(result.broken.begin(), result.broken.end(), [&](const broken_link& b) {
            return b.url == site.origin() + std::string(path);
        });
    };
    CHECK_FALSE(broken("/zt/404.html"));
    CHECK(broken("/gone.html")); // the same title over no rows is an error page
}
