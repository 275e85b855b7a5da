// The crawl's reading of consultation channels on an in-process site: the home page's footer
// and links, a 互动交流 hub leading to a 信箱 whose list pages (下一页) and message pages are read,
// configured channels in place of discovery, and lists a script fills (jact, EVECOM), judged by
// the 互动回应 rules as the daemon judges them.

#include "../http/run_coro.hpp"
#include "../support/loopback_server.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/findings/interaction_rules.hpp"
#include "probes/site/crawler.hpp"
#include "tests/support/fast_client_options.hpp"

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
    http::client_options o = fast_client_options();
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

namespace {

// jact's mailpublist.do as served: the header and an empty body, the rows posted for by its
// script. Shape: the dataproxy URL and POST form of WaiBaoSpider laiwu.py @fe144e37 and the 菏泽
// spider (index id 40654235889): POST /jact/front/dataproxy_mailpublist.do?startrecord=1&
// endrecord=66&perpage=19&groupSize=3 with sysid=84, answered by `dataStore = [...]`.
constexpr std::string_view jact_shell =
    "<div class=jact_list><table><tr><td>编号</td><td>标题</td><td>处理情况</td><td>提交时间</td>"
    "<td>部门</td><td>点击</td></tr></table><div id=div_list></div></div>"
    "<script>$.ajax({type:'POST',url:'/jact/front/dataproxy_mailpublist.do?startrecord=1&"
    "endrecord=66&perpage=19&groupSize=3',data:{sysid:'84',orderfield:'1'},success:function(d)"
    "{eval(d);showList(dataStore);}});</script>";

// EVECOM's ywzxList as served: an empty #listContainer its pager script fills from JSON.
// Shape: linjunzhen/ptzhsp WebRoot/webpage/website/hd/ywzxList.jsp and common/page.jsp
// @708c8710 (callpage(itemList) builds <li><a href="consultController/detail.do?entityId=…">).
constexpr std::string_view evecom_shell =
    "<div class=bsMain><div class=bslist id=listContainer></div><div class=page></div></div>"
    "<script>function callpage(itemList){var newhtml='<ul>';$.each(itemList,function(i,node){"
    "newhtml+='<li><a href=\"consultController/detail.do?entityId='+node.CONSULT_ID+'\">'+"
    "node.CONSULT_TITLE+'</a></li>';});$('#listContainer').html(newhtml+'</ul>');}"
    "$.ajax({url:'consultController/bsznPagelist.do',type:'post',data:{start:0,limit:10},"
    "success:function(r){callpage(r.rows);}});</script>";

// The data answer itself, as a configured channel may fetch it: rows in Laiwu's cells (办件编号
// | 标题 | 处理情况 | 提交时间 | 部门 | 点击次数), served as a script.
constexpr std::string_view jact_answer =
    "dataStore = [\"<tr class='tr_css'><td>LW2026110201</td><td><a href='mailpubdetail.do?"
    "transactId=9021&sysid=84' title='点击标题查看详细信息'>城区集中供暖何时开始</a></td><td>"
    "已办结</td><td>2026-11-02</td><td><a href='mailgroup.do?groupid=3'>市住建局</a></td>"
    "<td>31</td></tr>\",\"<tr class='tr_css'><td>LW2026061003</td><td><a href='mailpubdetail.do"
    "?transactId=8800&sysid=84'>道路施工噪音扰民</a></td><td>办理中</td><td>2026-06-10</td><td>"
    "<a href='mailgroup.do?groupid=5'>市生态环境局</a></td><td>12</td></tr>\"];";

void serve_script_lists(loopback_server& site) {
    site.on("/", [](const loopback_request&) {
        return html(
            "<a href=/jact/front/mailpublist.do?sysid=84>市长信箱</a>"
            "<a href=/webSiteController/view.do?navTarget=website/hd/ywzxList>业务咨询</a>");
    });
    site.on("/jact/front/mailpublist.do",
            [](const loopback_request&) { return html(std::string{jact_shell}); });
    site.on("/webSiteController/view.do",
            [](const loopback_request&) { return html(std::string{evecom_shell}); });
    site.on("/jact/front/dataproxy_mailpublist.do", [](const loopback_request&) {
        loopback_reply r;
        r.headers.emplace_back("Content-Type", "text/javascript; charset=utf-8");
        r.body = std::string{jact_answer};
        return r;
    });
    site.on("/jact/front/mailpubdetail.do",
            [](const loopback_request&) { return html("<p>来信时间：2026-11-02</p>"); });
}

bool tried(const channel_reading& c, std::string_view attempt) {
    return std::any_of(c.attempts.begin(), c.attempts.end(),
                       [attempt](const std::string& a) { return a.starts_with(attempt); });
}

bool judged(const crawl_result& r, finding_kind kind) {
    const rule_verdict v = judge_interaction(r, "http://www.site.gov.cn/", now, {});
    return std::any_of(v.candidates.begin(), v.candidates.end(),
                       [kind](const finding_candidate& c) { return c.kind == kind; });
}

} // namespace

TEST_CASE("lists a script fills show no row as served: no verdict, and the reading says why") {
    loopback_server site;
    serve_script_lists(site);
    const crawl_result r = crawl(site, {});
    REQUIRE(r.interaction);
    REQUIRE(r.interaction->channels.size() == 2);
    const channel_reading& jact = r.interaction->channels[0];
    CHECK(jact.ok);
    CHECK(jact.messages.empty());
    CHECK(tried(jact, "page as served: no message rows"));
    CHECK(tried(jact, "rows come by a script's request to "
                      "/jact/front/dataproxy_mailpublist.do?startrecord=1&endrecord=66"));
    CHECK(tried(jact, "not rendered: no browser"));
    const channel_reading& evecom = r.interaction->channels[1];
    CHECK(evecom.ok);
    CHECK(evecom.messages.empty());
    CHECK(tried(evecom, "rows come by a script's request (.ajax(), not sent"));

    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    CHECK_FALSE(judged(r, finding_kind::interaction_unanswered));
    CHECK_FALSE(judged(r, finding_kind::interaction_slow));
    CHECK_FALSE(judged(r, finding_kind::interaction_missing));
    // No request the platform might refuse was made up: the dataproxy was never asked.
    REQUIRE(site.wait_recorded());
    const auto seen = site.seen();
    CHECK(std::none_of(seen.begin(), seen.end(), [](const loopback_request& q) {
        return q.target.starts_with("/jact/front/dataproxy");
    }));
}

TEST_CASE("a configured jact data answer is read as the list's rows") {
    loopback_server site;
    serve_script_lists(site);
    const std::string base = "http://www.site.gov.cn:" + std::to_string(site.port());
    crawl_options configured;
    configured.interaction.channels = {base + "/jact/front/dataproxy_mailpublist.do?"
                                              "startrecord=1&endrecord=20&perpage=20&sysid=84"};
    const crawl_result r = crawl(site, configured);
    REQUIRE(r.interaction);
    REQUIRE(r.interaction->channels.size() == 1);
    const channel_reading& c = r.interaction->channels[0];
    CHECK(c.ok);
    REQUIRE(c.messages.size() == 2);
    CHECK(c.messages[0].title == "城区集中供暖何时开始");
    CHECK(c.messages[0].state == reply_state::answered);
    CHECK(c.messages[0].url == base + "/jact/front/mailpubdetail.do?transactId=9021&sysid=84");
    CHECK(c.messages[1].state == reply_state::unanswered);
    CHECK(c.messages[1].asked == 1781020800 + 86399); // 2026-06-10, its last second (+08:00)
}
