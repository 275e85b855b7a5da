// The seeds' checks on what pages show: the footer's 网站标识码 and ICP 备案号, links to the annual
// report, consultation channels and their message lists. The real pages' expectations were
// read off the files with grep (the footers' text and the anchors); the message lists are
// built after the shapes content-checks.md §1.3 describes (MinMoreCMS DirectorMail's table, the
// jact mailpublist.do table, Hanweb-like labelled rows, MinMoreCMS's detail with 暂无): no real
// list page of a channel is in the corpora.

#include "probes/dates/calendar.hpp"
#include "probes/html/html_document.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/site/annual_report_links.hpp"
#include "probes/site/interaction_channels.hpp"
#include "probes/site/message_list.hpp"
#include "probes/site/site_identity.hpp"
#include "tests/site/page_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace govmon;
using namespace govmon::test;

namespace {

std::vector<html::page_link> links_of(const std::string& page, const std::string& url) {
    const html::html_document doc(page, url);
    return html::extract_links(doc, url);
}

std::vector<std::string> channel_summary(const std::string& page, const std::string& url) {
    std::vector<std::string> out;
    for (const channel_link& c : find_interaction_channels(links_of(page, url), url, 8))
        out.push_back(c.name + " " + c.url);
    return out;
}

const std::int64_t now = end_of_day(2026, 12, 7) - 12 * 3600; // 2026-12-07 12:00 +08:00

message_list list_of(const std::string& body) {
    const html::html_document doc("<html><body>" + body + "</body></html>",
                                  "http://www.example.gov.cn/hd/szxx/");
    return read_message_list(doc, "http://www.example.gov.cn/hd/szxx/", now);
}

} // namespace

TEST_CASE("the footers of the real pages show their 网站标识码 and ICP 备案号") {
    struct expected {
        const char* page;
        const char* code; // "" when the page shows none
        const char* icp;
    };
    for (const expected& e : std::vector<expected>{
             {"rw01.html", "bm01000001", "京ICP备05070218号"},
             {"rw02.html", "1304000009", "冀ICP备05029117号-1"},
             {"rw09.html", "3300000020", "浙ICP备05018911号"},
             {"rw10.html", "1400000045", "晋ICP备12000773号"},
             {"rw12.html", "", "京ICP备20027467号-1"},
             {"rw13.html", "1300000065", "冀ICP备13016076号-2"},
             // 网站标识码：<span>bm14000002</span> and 京<span>ICP</span>备<span>19054529…
             {"rw14.html", "bm14000002", "京ICP备19054529号-1"},
             {"rw04.html", "", ""},
         }) {
        CAPTURE(e.page);
        const site_identity id = read_site_identity(corpus_page(e.page));
        CHECK(id.site_code.value_or("") == e.code);
        CHECK(id.icp.value_or("") == e.icp);
    }
}

TEST_CASE("site identity: what is not a 网站标识码 or an ICP number") {
    CHECK_FALSE(read_site_identity("网站标识码：待申请").site_code);
    CHECK_FALSE(read_site_identity("网站标识码 12345").site_code);
    CHECK_FALSE(read_site_identity("京公网安备11010202000001号").icp);
    CHECK_FALSE(read_site_identity("ICP备案号：申请中").icp);
    const site_identity written = read_site_identity(
        "<script>document.write('网站标识码：3200000001&nbsp;苏ICP备12345678号');</script>");
    CHECK(written.site_code == "3200000001");
    CHECK(written.icp == "苏ICP备12345678号");
}

TEST_CASE("annual report links: the real 年度报表 link and the year of a link text") {
    const auto real =
        find_annual_report_links(links_of(corpus_page("rw04.html"), "http://tjj.nantong.gov.cn/"));
    REQUIRE(real.size() == 1);
    CHECK(real[0].text == "政府网站工作年度报表");
    CHECK(real[0].url == "http://tjj.nantong.gov.cn/ntstj/zfwzndbb/zfwzndbb.html");
    CHECK_FALSE(real[0].year);

    const auto dated =
        find_annual_report_links(links_of("<a href=/a.html>2025年度政府网站工作年度报表</a><a "
                                          "href=/b.pdf>政府网站年度工作报表（2024年）</a>"
                                          "<a href=/c.html>2025年政府信息公开工作年度报告</a>",
                                          "http://www.example.gov.cn/"));
    REQUIRE(dated.size() == 2);
    CHECK(dated[0].year == 2025);
    CHECK(dated[1].year == 2024);
}

TEST_CASE("consultation channels on the real home pages") {
    // hd.gov.cn: 政民互动 (to a sub-host's root), the /zmhd/ entries but 留言统计 (counts) and
    // 意见征集, and not 政府采购 at ccgp-hebei.gov.cn/hd/hd/ (another site's path).
    CHECK(channel_summary(corpus_page("rw02.html"), "http://hd.gov.cn/") ==
          std::vector<std::string>{
              "政民互动 http://hdzfxxgk.hd.gov.cn/", "我要留言 http://hd.gov.cn/zmhd/wyly/",
              "更多回复 http://hd.gov.cn/zmhd/gdhf/", "我要查询 http://hd.gov.cn/zmhd/wycx/"});
    const auto shanxi = channel_summary(corpus_page("rw10.html"), "http://www.shanxi.gov.cn/");
    CHECK(std::find(shanxi.begin(), shanxi.end(), "省长信箱 http://www.shanxi.gov.cn/hd/szxx/") !=
          shanxi.end());
    CHECK(std::find(shanxi.begin(), shanxi.end(), "政务咨询 http://www.shanxi.gov.cn/fw/zwzx/") !=
          shanxi.end());
    CHECK(channel_summary(corpus_page("rw12.html"), "http://www.cmse.gov.cn/") ==
          std::vector<std::string>{"互动交流 http://www.cmse.gov.cn/hdjl/",
                                   "网站寄语 http://www.cmse.gov.cn/hdjl/wzjy/",
                                   "留言精选 http://www.cmse.gov.cn/hdjl/lyjx/",
                                   "在线留言 http://www.cmse.gov.cn/hdjl/zxly/"});
    // 直播 under /hdjl/zb/ is a live broadcast, as 在线访谈 is.
    // gov.cn: 建言征集 is a 调查征集 column, which the rule leaves out.
    const auto gov = channel_summary(corpus_page("rw01.html"), "https://www.gov.cn/");
    CHECK(std::none_of(gov.begin(), gov.end(),
                       [](const std::string& c) { return c.starts_with("建言征集"); }));
    CHECK(std::find(gov.begin(), gov.end(),
                    "人民群众留言入口 https://liuyan.www.gov.cn/hudong/atwls/rmqz.htm") !=
          gov.end());
}

TEST_CASE("channels: what the rule leaves out and what is only an article") {
    const std::string_view site = "www.a.gov.cn";
    CHECK_FALSE(is_interaction_channel("网上信访", "http://a.gov.cn/xf/", site));
    CHECK_FALSE(is_interaction_channel("纪检举报", "http://a.gov.cn/hd/jj/", site));
    CHECK_FALSE(is_interaction_channel("在线访谈", "http://a.gov.cn/hdjl/zxft/", site));
    CHECK_FALSE(is_interaction_channel("关于开展2026年度政务咨询服务工作的通知",
                                       "http://a.gov.cn/zwgk/t1.html", site));
    CHECK(is_interaction_channel("市长信箱", "http://other.gov.cn/col/col12/", site));
    CHECK(is_interaction_channel("我要写信",
                                 "http://www.a.gov.cn/jact/front/mailpublist.do?sysid=4", site));
    CHECK_FALSE(
        is_interaction_channel("我要写信", "http://www.b.gov.cn/jact/front/mailpublist.do", site));
    CHECK_FALSE(is_interaction_channel("我要写信", "http://www.a.gov.cn/index.html", site));
}

TEST_CASE("message list: a MinMoreCMS-like table with a header of 状态 and 时间") {
    const message_list list = list_of(
        "<table><tr><th>来信主题</th><th>状态</th><th>时间</th><th>受理单位</th></tr>"
        "<tr><td><a "
        "href=m1.html>小区路灯不亮</a></td><td>已回复</td><td>2026-11-20</td><td>城管局</td></tr>"
        "<tr><td><a "
        "href=m2.html>学校门口积水</a></td><td>办理中</td><td>2026-08-01</td><td>住建局</td></tr>"
        "<tr><td><a "
        "href=m3.html>转学手续咨询</a></td><td>已转办</td><td>2026-07-15</td><td>教育局</td></tr>"
        "</table>");
    REQUIRE(list.rows.size() == 3);
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[0].asked == end_of_day(2026, 11, 20));
    CHECK_FALSE(list.rows[0].replied);
    CHECK(list.rows[1].state == reply_state::unanswered);
    CHECK(list.rows[1].status == "办理中");
    CHECK(list.rows[1].url == "http://www.example.gov.cn/hd/szxx/m2.html");
    CHECK(list.rows[2].state == reply_state::probably_unanswered);
    CHECK_FALSE(list.reply_times_shown);
}

TEST_CASE("message list: a jact-like table with 留言时间 and 答复时间 columns") {
    const message_list list = list_of(
        "<table "
        "class=jact_list><tr><td>编号</td><td>标题</td><td>留言时间</td><td>答复时间</td></tr>"
        "<tr><td>1203</td><td><a href=\"/jact/front/mailpubdetail.do?sysid=4&transactId=1203\">"
        "咨询社保转移</a></td><td>2026-11-02</td><td>2026-11-05</td></tr>"
        "<tr><td>1102</td><td><a href=\"/jact/front/mailpubdetail.do?sysid=4&transactId=1102\">"
        "道路施工噪音扰民</a></td><td>2026-06-10</td><td></td></tr>"
        "<tr><td>1101</td><td><a href=\"/jact/front/mailpubdetail.do?sysid=4&transactId=1101\">"
        "公交线路调整建议</a></td><td>2026-06-01</td><td>暂无</td></tr>"
        "</table><a href=\"?page=2\">下一页</a>");
    REQUIRE(list.rows.size() == 3);
    CHECK(list.reply_times_shown);
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[0].replied == end_of_day(2026, 11, 5));
    CHECK(list.rows[1].state == reply_state::probably_unanswered);
    CHECK(list.rows[1].asked == end_of_day(2026, 6, 10));
    CHECK(list.rows[2].state == reply_state::unanswered);
    CHECK(list.next_page == "http://www.example.gov.cn/hd/szxx/?page=2");
}

TEST_CASE("message list: labelled rows, and a title that quotes a status word") {
    const message_list list = list_of(
        "<ul><li><a href=a1.html>关于老旧小区改造进度的咨询</a><span>留言时间：2026-10-02</span>"
        "<span>答复时间：2026-10-09</span></li>"
        "<li><a href=a2.html>反映供暖问题</a> [未回复] <span>2026-05-20</span></li>"
        "<li><a href=a3.html>投诉仍未答复的问题再次反映</a><span>2026-11-30</span></li>"
        "<li><a href=news.html>我市召开政务公开工作会议</a><span>2026-11-30</span></li></ul>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].asked == end_of_day(2026, 10, 2));
    CHECK(list.rows[0].replied == end_of_day(2026, 10, 9));
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[1].state == reply_state::unanswered);
    CHECK(list.rows[1].asked == end_of_day(2026, 5, 20));
    CHECK(list.reply_times_shown);
}

TEST_CASE("message detail: 办理时间 暂无 is an open message, a reply time an answered one") {
    const html::html_document open("<html><body><div class=nav>已办结信件 | 全部信件</div><table>"
                                   "<tr><td>来信时间</td><td>2026-06-01 "
                                   "09:12</td></tr><tr><td>办理单位</td><td>交通局</td></tr>"
                                   "<tr><td>办理时间</td><td>暂无</td></tr></table></body></html>");
    const message_facts o = read_message_detail(open, now);
    CHECK(o.state == reply_state::unanswered);
    CHECK(o.asked);
    CHECK(o.status == "办理时间：暂无");

    const html::html_document answered(
        "<html><body><div "
        "class=jact_box_font><table><tr><td>来信时间：</td><td>2026-06-01</td></tr>"
        "</table><table><tr><td>回复时间：</td><td>2026-06-04 10:00:00</td></tr>"
        "<tr><td>回复内容：</td><td>您好，已安排维修。</td></tr></table></div></body></html>");
    const message_facts a = read_message_detail(answered, now);
    CHECK(a.state == reply_state::answered);
    CHECK(a.replied);
    CHECK(a.asked == end_of_day(2026, 6, 1));
}

TEST_CASE("status words: 未办结 before 办结, 转办 only probably open") {
    CHECK(state_of_status("未办结") == reply_state::unanswered);
    CHECK(state_of_status("已办结") == reply_state::answered);
    CHECK(state_of_status("已转办") == reply_state::probably_unanswered);
    CHECK(state_of_status("受理单位") == reply_state::unknown);
}

TEST_CASE("message list: a status column outweighs an empty reply cell") {
    const message_list list = list_of(
        "<table><tr><th>标题</th><th>状态</th><th>留言时间</th><th>答复时间</th></tr>"
        "<tr><td><a href=m1.html>噪音扰民</a></td><td>办理中</td><td>2026-08-03</td><td></td></tr>"
        "<tr><td><a href=m2.html>路灯</a></td><td></td><td>2026-08-03</td><td></td></tr></table>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].state == reply_state::unanswered);
    CHECK(list.rows[0].status == "办理中");
    CHECK(list.rows[1].state == reply_state::probably_unanswered);
}
