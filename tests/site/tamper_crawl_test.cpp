// What a crawl sees of tampering: the site's own pages judged for gambling and porn, the
// search-engine kit of their inline scripts, the home page fetched as Baidu's crawler and as a
// Baidu visitor, external links to parked domains, and the signals of key pages.
#include "../http/run_coro.hpp"
#include "../support/loopback_server.hpp"
#include "daemon/findings/tamper_rules.hpp"
#include "probes/site/crawler.hpp"
#include "tests/site/page_fixture.hpp"
#include "tests/support/fast_client_options.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

loopback_reply html(std::string title, std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = "<html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
    return r;
}

std::string header(const loopback_request& req, std::string_view name) {
    for (const auto& [n, v] : req.headers)
        if (n.size() == name.size() &&
            std::equal(n.begin(), n.end(), name.begin(),
                       [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            return v;
    return {};
}

loopback_reply fixture_page(const char* name) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = site_fixture(name);
    return r;
}

std::string home_of(const loopback_server& site) {
    return "http://www.site.gov.cn:" + std::to_string(site.port()) + "/";
}

crawl_result crawl(loopback_server& site, loopback_server* ext = nullptr) {
    http::client_options o = fast_client_options();
    o.resolve["www.site.gov.cn"] = {"127.0.0.1"};
    o.resolve["ext.example.com"] = {"127.0.0.1"};
    (void)ext;
    asio::io_context ioc;
    http::client client{ioc.get_executor(), o};
    external_link_cache external;
    const std::string home = home_of(site);
    return run_coro(ioc, crawl_site(client, home, crawl_options{}, {}, external, 0), 30s);
}

const std::string notice_text =
    "为依法严厉打击网络赌博、六合彩、百家乐、赌球等违法犯罪活动，公安机关将开展专项行动，"
    "查处赌场和网上赌博窝点。欢迎群众举报涉赌线索，警方将依法查处。";

} // namespace

TEST_CASE("a page of the site turned casino is found, the crackdown notice beside it is not") {
    loopback_server site;
    site.on("/", [](const loopback_request&) {
        return html("某县人民政府",
                    "<a href='/zt/casino.html'>专题</a><a href='/tzgg/notice.html'>通知</a>");
    });
    site.on("/zt/casino.html", [](const loopback_request&) {
        return html("澳门新葡京娱乐城_百家乐官网", "真人视讯 注册送彩金");
    });
    site.on("/tzgg/notice.html", [](const loopback_request&) {
        return html("关于开展打击赌博违法犯罪专项行动的通告", notice_text);
    });
    const crawl_result r = crawl(site);
    REQUIRE(r.illicit_pages.size() == 1);
    CHECK(r.illicit_pages[0].url.ends_with("/zt/casino.html"));
    CHECK(r.illicit_pages[0].why.field == "title");
    CHECK(r.cloaking.empty());
}

TEST_CASE("the home page is fetched as Baiduspider and with a Baidu referer and compared") {
    loopback_server ext;
    ext.on("/", [](const loopback_request&) { return html("澳门博彩", "百家乐 六合彩 娱乐城"); });
    ext.on("/partner", [](const loopback_request&) {
        return html("old-partner.com", "This domain may be for sale. Buy this domain today.");
    });
    loopback_server site;
    const std::string ext_root = "http://ext.example.com:" + std::to_string(ext.port());
    site.on("/", [&](const loopback_request& req) {
        if (header(req, "User-Agent").find("Baiduspider") != std::string::npos)
            return html("澳门金沙博彩娱乐平台", "百家乐");
        if (header(req, "Referer").starts_with("https://www.baidu.com/s?wd=")) {
            loopback_reply moved;
            moved.status = 302;
            moved.headers.emplace_back("Location", ext_root + "/");
            return moved;
        }
        return html("某县人民政府", "<script src='" + ext_root + "/stat.js'></script><a href='" +
                                        ext_root + "/partner'>友情链接</a>");
    });
    const crawl_result r = crawl(site, &ext);
    REQUIRE(r.cloaking.size() == 2);
    CHECK(r.cloaking[0].variant == "Baiduspider User-Agent");
    CHECK(r.cloaking[0].difference.find("澳门金沙博彩娱乐平台") != std::string::npos);
    CHECK(r.cloaking[1].variant == "Baidu Referer");
    CHECK(r.cloaking[1].difference.find("redirected to " + ext_root + "/") != std::string::npos);
    CHECK(r.illicit_pages.empty()); // the normal visit is clean
    REQUIRE(r.parked.size() == 1);
    CHECK(r.parked[0].url == ext_root + "/partner");
    CHECK(r.parked[0].reason.find("this domain may be for sale") != std::string::npos);
    REQUIRE_FALSE(r.key_pages.empty());
    CHECK(r.key_pages[0].title == "某县人民政府");
    CHECK(r.key_pages[0].script_hosts == std::set<std::string>{"ext.example.com"});
    site.wait_recorded();
    const auto seen = site.seen();
    CHECK(std::count_if(seen.begin(), seen.end(),
                        [](const loopback_request& q) { return q.target == "/"; }) == 3);
}

TEST_CASE("a home page carrying the kit is one tampering warning with its evidence") {
    loopback_server site;
    site.on("/", [](const loopback_request&) { return fixture_page("kit_county_news_home.html"); });
    const crawl_result r = crawl(site);
    REQUIRE(r.script_kits.size() == 1);
    CHECK(r.script_kits[0].title.starts_with("江苏快3 江苏快3走势图"));
    const rule_verdict v = judge_tampering(r, home_of(site), {});
    REQUIRE(v.candidates.size() == 1);
    const finding_candidate& c = v.candidates[0];
    CHECK(c.kind == finding_kind::tampered);
    CHECK(c.severity == finding_severity::warn);
    CHECK(c.url == home_of(site));
    // The title alone is a lottery chart's (a welfare-lottery centre may show one): the kit,
    // which shows it to search engines only, is the evidence.
    CHECK(c.detail.starts_with("疑似被篡改: search engines are shown the <title> \"江苏快3 "));
    CHECK(c.detail.find("gambling/porn vocabulary") == std::string::npos);
    CHECK(c.detail.find("sets it to \"某县新闻网\" for everyone else (4 such scripts)") !=
          std::string::npos);
    CHECK(c.detail.find("elsewhere by location[…], to www.casino-example.com") !=
          std::string::npos);
}

TEST_CASE("a home page with analytics, push and mobile scripts raises no tampering") {
    loopback_server site;
    site.on("/", [](const loopback_request&) { return fixture_page("analytics_healthy.html"); });
    const crawl_result r = crawl(site);
    CHECK(r.script_kits.empty());
    CHECK(r.illicit_pages.empty());
    const rule_verdict v = judge_tampering(r, home_of(site), {});
    CHECK(v.judged == std::vector<finding_kind>{finding_kind::tampered});
    CHECK(v.candidates.empty());
}
