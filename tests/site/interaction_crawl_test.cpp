// The crawl's reading of consultation channels on an in-process site: the home page's footer
// and links, a 互动交流 hub leading to a 信箱 whose list pages (下一页) and message pages are read,
// and configured channels in place of discovery.

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

constexpr std::int64_t now = 1795305600; // 2026-11-22T08:00:00+08:00

loopback_reply html(std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
    r.body = "<html><head><title>某某市人民政府</title></head><body>" + body + "</body></html>";
    return r;
}

http::client_options client_options() {
    http::client_options o;
    o.timeout = 2s;
    o.connect_timeout = 1s;
    o.dns_timeout = 1s;
    o.per_host_delay = 0ms;
    o.retries = 0;
    o.per_host = 4;
    o.resolve["www.site.gov.cn"] = {"127.0.0.1"};
    return o;
}

void serve_site(loopback_server& site) {
    site.on("/", [](const loopback_request&) {
        return html(
            "<a href=/hdjl/>互动交流</a> <a href=/zwgk/ndbb/>2025年度政府网站工作年度报表</a>"
            "<ul><li><a href=/a.html>市政府召开常务会议研究部署重点工作</a>"
            "<span>2026-11-20</span></li></ul>"
            "<div class=footer>网站标识码：3202000001 苏ICP备05000001号</div>");
    });
    site.on("/hdjl/", [](const loopback_request&) {
        return html(
            "<ul><li><a href=/hdjl/szxx/>市长信箱</a></li><li><a href=/hdjl/zxft/>在线访谈</a>"
            "</li></ul>");
    });
    site.on("/hdjl/szxx/", [](const loopback_request& req) {
        if (req.target.find("page=2") != std::string::npos)
            return html("<table><tr><th>标题</th><th>留言时间</th><th>状态</th></tr>"
                        "<tr><td><a href=/hdjl/szxx/3.html>公交线路调整建议</a></td>"
                        "<td>2026-07-01</td><td>办理中</td></tr></table>");
        return html("<table><tr><th>标题</th><th>留言时间</th><th>状态</th></tr>"
                    "<tr><td><a href=/hdjl/szxx/1.html>小区路灯不亮</a></td><td>2026-11-10</td>"
                    "<td>已回复</td></tr>"
                    "<tr><td><a href=/hdjl/szxx/2.html>学校门口积水</a></td><td>2026-06-01</td>"
                    "<td></td></tr></table><a href='/hdjl/szxx/?page=2'>下一页</a>");
    });
    site.on("/hdjl/szxx/1.html", [](const loopback_request&) {
        return html("<p>来信时间：2026-11-10</p><p>答复时间：2026-11-12</p>");
    });
    site.on("/hdjl/szxx/2.html", [](const loopback_request&) {
        return html("<p>来信时间：2026-06-01</p><p>答复时间：暂无</p>");
    });
    site.on("/hdjl/szxx/3.html", [](const loopback_request&) { return html("<p>正文</p>"); });
    site.on("/a.html", [](const loopback_request&) { return html("<p>发布时间：2026-11-20</p>"); });
    site.on("/zwgk/ndbb/", [](const loopback_request&) { return html("<p>年度报表</p>"); });
}

crawl_result crawl(loopback_server& site, crawl_options options) {
    asio::io_context ioc;
    http::client client{ioc.get_executor(), client_options()};
    external_link_cache external;
    const std::string home = "http://www.site.gov.cn:" + std::to_string(site.port()) + "/";
    return run_coro(ioc, crawl_site(client, home, std::move(options), {}, external, now), 20s);
}

} // namespace

TEST_CASE("a crawl reads the home page's disclosures and its channels through a hub") {
    loopback_server site;
    serve_site(site);
    const crawl_result r = crawl(site, {});

    REQUIRE(r.home_details);
    CHECK(r.home_details->identity.site_code == "3202000001");
    CHECK(r.home_details->identity.icp == "苏ICP备05000001号");
    REQUIRE(r.home_details->annual_reports.size() == 1);
    CHECK(r.home_details->annual_reports[0].year == 2025);

    REQUIRE(r.interaction);
    REQUIRE(r.interaction->channels.size() == 2); // the hub, then the 信箱 it links to
    CHECK(r.interaction->channels[0].channel.name == "互动交流");
    CHECK(r.interaction->channels[0].messages.empty());
    const channel_reading& box = r.interaction->channels[1];
    CHECK(box.channel.name == "市长信箱");
    CHECK(box.ok);
    CHECK(box.list_pages == 2);
    REQUIRE(box.messages.size() == 3);
    CHECK(box.messages[0].state == reply_state::answered);
    CHECK(box.messages[0].replied); // from its page: the list shows no reply time
    CHECK(box.messages[1].state == reply_state::unanswered);
    CHECK(box.messages[1].status == "答复时间：暂无");
    CHECK(box.messages[2].state == reply_state::unanswered); // 办理中 in the list: not opened
    CHECK(box.details_opened == 2);
    // Page 3 is fetched by the crawl alone: its state was in the list, so the reader left it.
    REQUIRE(site.wait_recorded());
    const auto seen = site.seen();
    CHECK(std::count_if(seen.begin(), seen.end(), [](const loopback_request& q) {
              return q.target == "/hdjl/szxx/3.html";
          }) == 1);
    CHECK(std::count_if(seen.begin(), seen.end(), [](const loopback_request& q) {
              return q.target == "/hdjl/szxx/2.html";
          }) == 2);
}

TEST_CASE("configured channels replace discovery; an elsewhere platform is not read") {
    loopback_server site;
    serve_site(site);
    const std::string base = "http://www.site.gov.cn:" + std::to_string(site.port());
    crawl_options configured;
    configured.interaction.channels = {base + "/hdjl/closed/"};
    const crawl_result r = crawl(site, configured);
    REQUIRE(r.interaction);
    CHECK(r.interaction->configured);
    REQUIRE(r.interaction->channels.size() == 1);
    CHECK_FALSE(r.interaction->channels[0].ok);
    CHECK(r.interaction->channels[0].http_status == 404);

    crawl_options elsewhere;
    elsewhere.interaction.elsewhere = "https://www.province.gov.cn/hd/";
    const crawl_result e = crawl(site, elsewhere);
    REQUIRE(e.interaction);
    CHECK(e.interaction->channels.empty());
    CHECK(e.interaction->elsewhere == "https://www.province.gov.cn/hd/");
}
