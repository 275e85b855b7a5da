// Message lists and pages in the shapes real consultation platforms serve. Every fixture is
// written here after a real platform's shape as its scrapers and templates show it (no saved
// live page of a channel was found); each test names where the shape was seen. The dates are
// moved to 2026, the reading's year.

#include "probes/dates/calendar.hpp"
#include "probes/html/html_document.hpp"
#include "probes/site/message_list.hpp"
#include "tests/site/page_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;
using namespace govmon::test;

namespace {

const std::int64_t now = end_of_day(2026, 12, 7) - 12 * 3600; // 2026-12-07 12:00 +08:00

std::int64_t instant(int year, int month, int day, int h, int m, int s) {
    return beijing_day_start(days_from_civil({year, month, day})) + h * 3600 + m * 60 + s;
}

message_list list_at(const std::string& url, const std::string& body) {
    const html::html_document doc("<html><body>" + body + "</body></html>", url);
    return read_message_list(doc, url, now);
}

message_facts detail(const std::string& body) {
    const html::html_document doc("<html><body>" + body + "</body></html>",
                                  "http://www.example.gov.cn/hd/detail.html");
    return read_message_detail(doc, now);
}

} // namespace

TEST_CASE("status words: 办理完毕 and 处理完毕 answer, 正在办理 and 待办理 are open") {
    CHECK(state_of_status("办理完毕") == reply_state::answered);
    CHECK(state_of_status("处理完毕") == reply_state::answered);
    for (const char* open : {"正在办理", "正在处理", "未办理", "待办理"}) {
        CAPTURE(open);
        CHECK(state_of_status(open) == reply_state::unanswered);
    }
    // EWCMS InteractionState: INIT("办理中"), BACK("回复") — a cell of 回复 alone is an answer,
    // 回复 inside a longer text is none.
    CHECK(state_of_status("回复") == reply_state::answered);
    CHECK(state_of_status("已回复") == reply_state::answered);
    CHECK(state_of_status("回复时间") == reply_state::unknown);
    CHECK(state_of_status("关于回复") == reply_state::unknown);
}

TEST_CASE(
    "EWCMS 民声通道: a status cell of 回复 alone, 办理中, under 编号|内容|受理单位|状态|日期") {
    // Shape: ewcmsfree/component_da WebContent/WEB-INF/page/interaction/list.jsp @09f86617
    // (瑞昌): <th>编号</th>…<th>日期</th>; <td><s:property value="state.title"/></td>; the unit
    // cell links to organsearch.
    const message_list list = list_at(
        "http://www.ruichang.gov.cn/interaction/list/page/0_1_1.html",
        "<table><tr><th>编号</th><th>内容</th><th>受理单位</th><th>状态</th><th>日期</th></tr>"
        "<tr><td>2026000031</td><td class=ct><a href=\"/interaction/detail.do?id=31\" "
        "target=_blank>催问回复时间过长的问题</a></td><td><a href=\"/organsearch.do?id=7\">县交通"
        "运输局</a></td><td>回复</td><td>2026-11-02</td></tr>"
        "<tr><td>2026000030</td><td class=ct><a href=\"/interaction/detail.do?id=30\" "
        "target=_blank>乡村公路破损</a></td><td><a href=\"/organsearch.do?id=7\">县交通运输局</a>"
        "</td><td>办理中</td><td>2026-08-20</td></tr></table>"
        "<a href=\"/interaction/list/page/0_2_1.html\">下一页</a>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].title == "催问回复时间过长的问题");
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[0].status == "回复");
    CHECK(list.rows[0].asked == end_of_day(2026, 11, 2));
    CHECK(list.rows[1].state == reply_state::unanswered);
    CHECK(list.rows[1].url == "http://www.ruichang.gov.cn/interaction/detail.do?id=30");
    CHECK(list.next_page == "http://www.ruichang.gov.cn/interaction/list/page/0_2_1.html");
}

TEST_CASE("Jiamusi detail: 正在办理 with a 处理时间 and an empty 处理结果 is open") {
    // Shape: jamesfyp/WaiBaoSpider WaiBaoSpider/spiders/jiamusi.py @fe144e37 reads spans
    // #zxsj (咨询时间), #state (处理情况), #replyTime (处理时间), #replyContent (处理结果); its
    // CSV (data/jiamusi/jiamusi_detail.csv @6982744f) has two 正在办理 letters with a 处理时间
    // and no 处理结果, and dates not zero-padded (2016-7-14 16:04:48). The labels' markup is
    // not known; written here as label text before each span.
    const message_facts open =
        detail("<div class=zx_con><p>咨询时间：<span id=zxsj>2026-7-9 10:21:33</span></p>"
               "<p>处理情况：<span id=state>正在办理</span></p>"
               "<p>处理时间：<span id=replyTime>2026-7-14 16:04:48</span></p>"
               "<p>处理结果：<span id=replyContent></span></p></div>");
    CHECK(open.state == reply_state::unanswered);
    CHECK(open.status == "正在办理");
    CHECK_FALSE(open.replied);
    CHECK(open.asked == instant(2026, 7, 9, 10, 21, 33));

    const message_facts done =
        detail("<div class=zx_con><p>咨询时间：<span id=zxsj>2026-7-9 10:21:33</span></p>"
               "<p>处理情况：<span id=state>办理完毕</span></p>"
               "<p>处理时间：<span id=replyTime>2026-7-12 9:36:05</span></p>"
               "<p>处理结果：<span id=replyContent>您好，路牌已补设。</span></p></div>");
    CHECK(done.state == reply_state::answered);
    CHECK(done.replied == instant(2026, 7, 12, 9, 36, 5));

    // A strong label with a date still answers, whatever status stayed behind.
    const message_facts strong = detail("<p>来信时间：2026-06-01</p><p>办理状态：办理中</p>"
                                        "<p>答复时间：2026-06-20</p>");
    CHECK(strong.state == reply_state::answered);
    CHECK(strong.replied == end_of_day(2026, 6, 20));
}

TEST_CASE("a list's 办理时间 column does not answer a row whose status is open") {
    // The same rule in a list: a 处理情况 column (jact Laiwu: 办件编号 | 标题 | 处理情况 |
    // 提交时间, WaiBaoSpider laiwu.py @fe144e37) beside a handling date.
    const message_list list =
        list_at("http://www.example.gov.cn/hd/",
                "<table><tr><td>标题</td><td>处理情况</td><td>提交时间</td><td>办理时间</td></tr>"
                "<tr><td><a href=m1.html>噪音扰民</a></td><td>正在办理</td><td>2026-07-01</td>"
                "<td>2026-07-03</td></tr>"
                "<tr><td><a href=m2.html>路灯不亮</a></td><td>办理完毕</td><td>2026-07-01</td>"
                "<td>2026-07-05</td></tr></table>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].state == reply_state::unanswered);
    CHECK_FALSE(list.rows[0].replied);
    CHECK(list.rows[0].asked == end_of_day(2026, 7, 1));
    CHECK(list.rows[1].state == reply_state::answered);
    CHECK(list.rows[1].replied == end_of_day(2026, 7, 5));
}

TEST_CASE("asked-time labels: 反映时间 and 反馈时间 (Dalian), 来电时间") {
    // Shape: WaiBaoSpider dalian.py @fe144e37: the detail's //table/tbody/tr[6]/td[1] is the
    // 反映时间 and td[2] the 反馈时间 (`2018-12-27 15:28:22`, dalian_detail.csv @6982744f).
    const message_facts dalian =
        detail("<table><tbody><tr><td>快递运输用的微型面包车是否需要办理营运证等</td></tr>"
               "<tr><td>反映内容</td></tr><tr><td>……</td></tr><tr><td>答复内容</td></tr>"
               "<tr><td>您好，……</td></tr><tr><td>反映时间：2026-11-27 15:28:22</td>"
               "<td>反馈时间：2026-11-29 14:31:23</td></tr></tbody></table>");
    CHECK(dalian.asked == instant(2026, 11, 27, 15, 28, 22));
    CHECK(dalian.replied);
    CHECK(dalian.state == reply_state::answered);

    const message_facts hotline = detail("<p>来电时间：2026-10-08</p><p>办理状态：待办理</p>");
    CHECK(hotline.asked == end_of_day(2026, 10, 8));
    CHECK(hotline.state == reply_state::unanswered);
}

TEST_CASE("deyang: data cells that are <th>, under 写信日期 and 办结日期") {
    // Shape: WaiBaoSpider deyang.py @fe144e37: rows tr.onmousemove, th.thCss a (主题), th[2]
    // 处理状态, th[3] 来信人, th.oneDate 办结日期, th.twoDate 写信日期. The header row's markup
    // is not known; written as a row of <th> like the data's.
    const message_list list =
        list_at("http://www.deyang.gov.cn/appeal/list.jsp?model_id=1&cur_page=1&tm_id=595",
                "<table><tr><th>信件主题</th><th>处理状态</th><th>来信人</th><th>办结日期</th>"
                "<th>写信日期</th></tr>"
                "<tr class=onmousemove><th class=thCss><a href=\"/appeal/detail.jsp?id=8811\">小区"
                "停车收费</a></th><th>已办结</th><th>王**</th><th class=oneDate>2026-11-12</th>"
                "<th class=twoDate>2026-11-03</th></tr>"
                "<tr class=onmousemove><th class=thCss><a href=\"/appeal/detail.jsp?id=8790\">道路"
                "积水</a></th><th>办理中</th><th>李**</th><th class=oneDate></th>"
                "<th class=twoDate>2026-08-01</th></tr></table>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].asked == end_of_day(2026, 11, 3));
    CHECK(list.rows[0].replied == end_of_day(2026, 11, 12));
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[1].asked == end_of_day(2026, 8, 1));
    CHECK(list.rows[1].state == reply_state::unanswered);
    CHECK(list.reply_times_shown);
}

TEST_CASE("Jiamusi: ul#wszxList li rows of spans, the unlabelled 发布时间 is the asked date") {
    // Shape: WaiBaoSpider jiamusi.py @fe144e37: //ul[@id='wszxList']/li, span[1]/a title,
    // span[2] 类型, span[3] 答复部门, span[4] 状态, span[5] 发布时间 (2019-01-02), which equals
    // the detail's 咨询时间 in every row of jiamusi_list.csv / jiamusi_detail.csv @6982744f.
    const message_list list = list_at(
        "http://www.jms.gov.cn/html/zmhd/page/jms_10030002_1.html",
        "<ul id=wszxList>"
        "<li><span><a href=\"/html/zmhd/zx/2026/1102/88.html\" title=\"反映路牌建设问题\">反映"
        "路牌建设问题</a></span><span>反映问题</span><span>市城管局</span><span>未回复</span>"
        "<span>2026-07-09</span></li>"
        "<li><span><a href=\"/html/zmhd/zx/2026/1103/89.html\">供暖温度不达标</a></span>"
        "<span>反映问题</span><span>市住建局</span><span>已回复</span><span>2026-11-03</span>"
        "</li></ul>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].title == "反映路牌建设问题");
    CHECK(list.rows[0].state == reply_state::unanswered);
    CHECK(list.rows[0].asked == end_of_day(2026, 7, 9));
    CHECK(list.rows[1].state == reply_state::answered);
    CHECK(list.rows[1].asked == end_of_day(2026, 11, 3));
    CHECK_FALSE(list.rows[1].replied);
}

TEST_CASE("Huaibei: each message a <ul> of <li class=t1…t5> cells under a header <ul>") {
    // Shape: WaiBaoSpider huaibei.py @fe144e37: //div[@id='mm2']/div[2]/ul[position()>1]
    // (the first <ul> skipped: the header), li.t1 a/font 主题, li.t2 回复时间, li.t3 回复单位,
    // li.t4 span 受理状态, li.t5 浏览次数. The header's words are not known; written after the
    // spider's field names.
    const message_list list = list_at(
        "http://www.huaibei.gov.cn/content/column/4697478?pageIndex=1",
        "<div id=mm2><div class=tit>市长信箱</div><div>"
        "<ul class=th><li class=t1>主题</li><li class=t2>回复时间</li><li class=t3>回复单位</li>"
        "<li class=t4>受理状态</li><li class=t5>浏览次数</li></ul>"
        "<ul><li class=t1><a href=\"/content/detail/6a1b.html\"><font>公交站台遮阳棚破损</font>"
        "</a></li><li class=t2>2026-11-20</li><li class=t3>市交通运输局</li><li class=t4><span>"
        "已办结</span></li><li class=t5>132</li></ul>"
        "<ul><li class=t1><a href=\"/content/detail/6a1c.html\"><font>小区违建仍未拆除</font>"
        "</a></li><li class=t2></li><li class=t3>市城管局</li><li class=t4><span>办理中</span>"
        "</li><li class=t5>57</li></ul></div></div>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].title == "公交站台遮阳棚破损");
    CHECK(list.rows[0].url == "http://www.huaibei.gov.cn/content/detail/6a1b.html");
    CHECK(list.rows[0].replied == end_of_day(2026, 11, 20));
    CHECK_FALSE(list.rows[0].asked); // the list shows only when it was answered
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[1].state == reply_state::unanswered);
    CHECK(list.rows[1].status == "办理中");
    CHECK(list.reply_times_shown);
}

TEST_CASE("Dalian: the first link is the letter number, the title is the next one") {
    // Shape: WaiBaoSpider dalian.py @fe144e37: //ul[@class='mt10']/li, ./a[1] 信件编号,
    // ./a[2]/span 信件标题 (its href the detail), ./a[3] 类型, ./a[4] 状态, ./a[5] 办理单位; a row
    // of dalian_list.csv @6982744f: 快递运输用的微型面包车是否需要办理营运证等, G20190102-0011,
    // 大连市道路运输管理处, 已办结, 咨询. Every cell is written as a link to the letter.
    const std::string letter = "/fgw/gzjl/xjxq_0011.jspx";
    const std::string a = "<a href=\"" + letter + "\">";
    const message_list list =
        list_at("http://xzfw.dl.gov.cn/fgw/gzjl/xjlb_1.jspx",
                "<ul class=mt10><li>" + a + "G20261102-0011</a>" + a +
                    "<span>投诉快递车辆仍未答复的问题</span></a>" + a + "咨询</a>" + a +
                    "已办结</a>" + a + "大连市道路运输管理处</a></li></ul>");
    REQUIRE(list.rows.size() == 1);
    CHECK(list.rows[0].title == "投诉快递车辆仍未答复的问题");
    CHECK(list.rows[0].url == "http://xzfw.dl.gov.cn" + letter);
    // The title's 未答复 is not the status: the status link says 已办结.
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[0].status == "已办结");
    CHECK_FALSE(list.rows[0].dated);
}

TEST_CASE("EVECOM wtzjList: the header in a table of its own, rows without links") {
    // Shape: linjunzhen/ptzhsp WebRoot/webpage/website/hd/wtzjList.jsp @708c8710: a header
    // table (编号 | 标题 | 单位 | 发件人 | 状态), then div.bd ul li table#questionList that its
    // script fills with <td … onclick='questionDetail(this)'> titles and 未回复/已回复, as a
    // browser renders it.
    const message_list list = list_at(
        "http://www.ptzhsp.gov.cn/webSiteController/view.do?navTarget=website/hd/wtzjList",
        "<div class=eui-bgl><table class=eui-table1><tr><th width=100px>编号</th><th "
        "width=200px>标题</th><th width=200px>单位</th><th width=50px>发件人</th><th "
        "width=50px>状态</th></tr></table><div class=bd><ul><li><table class=eui-table1 "
        "id=questionList><tr><td width='100px;'>WT20260031</td><td width='200px' "
        "id='q31' onclick='questionDetail(this)'>企业开办窗口排队时间长</td><td "
        "width='200px'>综合受理区</td><td width='50px'>陈先生</td><td width='50px'>未回复</td></tr>"
        "<tr><td width='100px;'>WT20260030</td><td width='200px' id='q30' "
        "onclick='questionDetail(this)'>不动产登记材料重复提交</td><td width='200px'>不动产中心"
        "</td><td width='50px'>林女士</td><td width='50px'>已回复</td></tr></table></li></ul>"
        "</div></div>");
    REQUIRE(list.rows.size() == 2);
    CHECK(list.rows[0].title == "企业开办窗口排队时间长");
    CHECK(list.rows[0].state == reply_state::unanswered);
    CHECK(list.rows[0].url.empty());
    CHECK_FALSE(list.rows[0].dated);
    CHECK(list.rows[1].state == reply_state::answered);
}

TEST_CASE("a borrowed header reads only rows that show a state or a date") {
    // A table of the same width after a list's header, holding links and nothing else, is
    // not a list of messages.
    const message_list list = list_at(
        "http://www.example.gov.cn/hd/",
        "<table><tr><th>标题</th><th>状态</th><th>时间</th></tr></table>"
        "<table><tr><td><a href=/a.html>办事指南</a></td><td>下载</td><td>常见问题</td></tr>"
        "</table>");
    CHECK(list.rows.empty());
}

TEST_CASE("a header is borrowed by the table right after it, never by a sidebar below") {
    // The list's own table after its header table, then a sidebar of notices of the same width
    // with an empty third cell: the notices are no messages left unanswered.
    const message_list list = list_at(
        "http://www.example.gov.cn/hd/",
        "<table><tr><th>标题</th><th>留言时间</th><th>回复时间</th></tr></table>"
        "<table><tr><td><a href=/m1.html>路灯不亮</a></td><td>2026-11-02</td><td>2026-11-03</td>"
        "</tr></table><div class=side><h3>通知公告</h3><table><tr><td><a href=/n.html>通知</a>"
        "</td><td>2025-12-01</td><td>&nbsp;</td></tr></table></div>");
    REQUIRE(list.rows.size() == 1);
    CHECK(list.rows[0].title == "路灯不亮");
    CHECK(list.rows[0].state == reply_state::answered);
}

TEST_CASE("a row that quotes its answer or its history names no state by its words") {
    const message_list list = list_at(
        "http://www.example.gov.cn/hd/",
        "<ul><li><a href=/m1.html>路灯不亮</a> 留言时间：2026-01-02 回复：您反映的问题正在办理。"
        "[已回复]</li><li><a href=/m2.html>道路积水</a> 留言时间：2026-01-03 已受理，已办结</li>"
        "<li><a href=/m3.html>噪音扰民</a> 留言时间：2026-01-04 [未办结]</li>"
        "<li><a href=/m4.html>垃圾清运</a> 留言时间：2026-01-05 [已办结]</li></ul>");
    REQUIRE(list.rows.size() == 4);
    CHECK(list.rows[0].state == reply_state::unknown);
    CHECK(list.rows[1].state == reply_state::unknown);
    CHECK(list.rows[2].state == reply_state::unanswered);
    CHECK(list.rows[3].state == reply_state::answered);
}

TEST_CASE("an answer written below the table is no empty reply") {
    const message_facts facts = detail(
        "<table><tr><td>来信时间：</td><td>2026-08-03</td></tr><tr><td>回复时间：</td><td></td>"
        "</tr></table><div class=reply>回复内容：您好，您反映的问题已处理。</div>");
    CHECK(facts.state == reply_state::unknown);
    CHECK(facts.asked);
}

TEST_CASE("EVECOM ywzxDetail: empty 回复时间 and 回复内容 cells are probably unanswered") {
    // Shape: ptzhsp WebRoot/webpage/website/hd/ywzxDetail.jsp @708c8710:
    // <tr><th>回复内容：</th><td><pre class="word_break">${busConsult.REPLY_CONTENT} </pre></td>
    // </tr><tr><th>回复时间：</th><td>${busConsult.REPLY_TIME} </td></tr>; an open letter
    // leaves both empty, with no 暂无.
    const std::string head = "<table class=ywzx><tr><th>标题：</th><td>个体户注册需要哪些材料 "
                             "</td></tr><tr><th>咨询内容：</th><td><pre class=word_break>请问……"
                             "</pre></td></tr><tr><th>咨询时间：</th><td>2026-08-03 09:15:00 "
                             "</td></tr>";
    const message_facts open =
        detail(head + "<tr><th>回复内容：</th><td><pre class=word_break> </pre>"
                      "</td></tr><tr><th>回复时间：</th><td> </td></tr></table>");
    CHECK(open.state == reply_state::probably_unanswered);
    CHECK(open.status == "回复内容、回复时间为空");
    CHECK(open.asked);

    // An answer given without its time is not an empty reply.
    const message_facts undated =
        detail(head + "<tr><th>回复内容：</th><td><pre class=word_break>您好，"
                      "需携带身份证。</pre></td></tr><tr><th>回复时间：</th><td> "
                      "</td></tr></table>");
    CHECK(undated.state == reply_state::unknown);

    const message_facts answered =
        detail(head + "<tr><th>回复内容：</th><td><pre>您好。</pre></td></tr>"
                      "<tr><th>回复时间：</th><td>2026-08-05 10:00:00</td>"
                      "</tr></table>");
    CHECK(answered.state == reply_state::answered);
}

TEST_CASE("jact dataproxy rows read as a table: 办件编号 | 标题 | 处理情况 | 提交时间 | 部门") {
    // Shape: WaiBaoSpider laiwu.py @fe144e37: //tr[@class='tr_css'], td[1] 办件编号, td[2]/a
    // 标题 (mailpubdetail…), td[3] 处理情况, td[4] 提交时间, td[5]/a 部门, td[6] 点击次数.
    const message_list list = list_at(
        "http://www.laiwu.gov.cn/jact/front/dataproxy_mailnewlist.action",
        "<table><tr class='tr_css'><td>LW2026110201</td><td><a href='mailpubdetail.do?"
        "transactId=9021&sysid=1'>城区集中供暖何时开始</a></td><td>已办结</td><td>2026-11-02"
        "</td><td><a href='mailgroup.do?groupid=3'>市住建局</a></td><td>31</td></tr></table>");
    REQUIRE(list.rows.size() == 1);
    CHECK(list.rows[0].state == reply_state::answered);
    CHECK(list.rows[0].asked == end_of_day(2026, 11, 2));
    CHECK(list.rows[0].url ==
          "http://www.laiwu.gov.cn/jact/front/mailpubdetail.do?transactId=9021&sysid=1");
}
