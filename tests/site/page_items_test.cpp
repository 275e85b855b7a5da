#include "probes/site/page_items.hpp"
#include "tests/site/page_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;
using namespace govmon::test;

namespace {

// 2026-11-21 10:00 Beijing, the probe time of the dates tests.
const std::int64_t fixed_now = beijing(2026, 11, 21, 10);
constexpr std::string_view page = "https://www.example.gov.cn/col/tzgg/index.html";

page_reading read(std::string_view html, std::int64_t now = fixed_now) {
    const auto doc = parse_page(html);
    return read_page(doc.get(), page, now);
}

std::string body(std::string_view inner) {
    return "<html><head><meta charset=\"utf-8\"></head><body>" + std::string(inner) +
           "</body></html>";
}

} // namespace

TEST_CASE("ul/li rows with the date in a span") {
    const auto reading = read(body(R"(
        <ul class="list">
          <li><a href="/art/2026/11/2/art_1.html">关于开展安全生产检查的通知</a>
              <span>2026-11-02</span></li>
          <li><a href="t20261030_2.html">市政府召开常务会议</a><span>2026/10/30</span></li>
          <li><a href="../zcwj/t20261001_3.html">关于印发实施方案的通知</a><em>2026.10.01</em></li>
        </ul>)"));
    REQUIRE(reading.items.size() == 3);
    CHECK(reading.items[0].title == "关于开展安全生产检查的通知");
    CHECK(reading.items[0].url == "https://www.example.gov.cn/art/2026/11/2/art_1.html");
    CHECK(reading.items[0].published == end_of_day(2026, 11, 2));
    CHECK(reading.items[0].line == 3);
    CHECK(reading.items[1].url == "https://www.example.gov.cn/col/tzgg/t20261030_2.html");
    CHECK(reading.items[1].published == end_of_day(2026, 10, 30));
    CHECK(reading.items[2].url == "https://www.example.gov.cn/col/zcwj/t20261001_3.html");
    CHECK(reading.items[2].published == end_of_day(2026, 10, 1));
    CHECK(reading.undated_items == 0);
    CHECK_FALSE(reading.article_date.has_value());
    CHECK(newest(reading) == end_of_day(2026, 11, 2));
    CHECK(items_since(reading, beijing(2026, 10, 30)) == 2);
}

TEST_CASE("table rows with a date cell and an index number") {
    const auto reading = read(body(R"(
        <table>
          <tr><th>名称</th><th>索引号</th><th>发布日期</th></tr>
          <tr><td><a href="/a/1.html">关于公布行政许可事项清单的通知</a></td>
              <td>000014348/2026-35428</td><td>2026-11-05</td></tr>
          <tr><td><a href="/a/2.html">关于调整部分收费标准的公告</a></td>
              <td>000014348/2026-35429</td><td>2026年10月9日</td></tr>
        </table>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].title == "关于公布行政许可事项清单的通知");
    CHECK(reading.items[0].published == end_of_day(2026, 11, 5));
    CHECK(reading.items[1].published == end_of_day(2026, 10, 9));
}

TEST_CASE("dl entries with the date in the dd") {
    const auto reading = read(body(R"(
        <dl><dt><a href="/b/1.html">全市经济运行情况新闻发布会</a></dt><dd>2026-11-11</dd></dl>
        <dl><dt><a href="/b/2.html">前三季度国民经济运行情况</a></dt><dd>2026-10-20</dd></dl>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].title == "全市经济运行情况新闻发布会");
    CHECK(reading.items[0].published == end_of_day(2026, 11, 11));
}

TEST_CASE("div rows and a date inside the link") {
    const auto reading = read(body(R"(
        <div class="news">
          <div class="row"><a href="/c/1.html"><p>省领导赴淮安调研就业工作</p>
              <span>[11-18]</span></a></div>
          <div class="row"><a href="/c/2.html">全省统计工作会议召开 2026-11-16</a></div>
        </div>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].title == "省领导赴淮安调研就业工作");
    CHECK(reading.items[0].published == end_of_day(2026, 11, 18));
    CHECK(reading.items[1].title == "全省统计工作会议召开");
    CHECK(reading.items[1].published == end_of_day(2026, 11, 16));
}

TEST_CASE("year-less prefixes across New Year take the most recent past year") {
    const auto reading = read(body(R"(
        <ul>
          <li>[01-02] <a href="/d/1.html">元旦假期安全生产工作部署会召开</a></li>
          <li>(12-30) <a href="/d/2.html">年终岁末安全生产大检查启动</a></li>
        </ul>)"),
                              beijing(2027, 1, 3, 9));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].published == end_of_day(2027, 1, 2));
    CHECK(reading.items[1].published == end_of_day(2026, 12, 30));
}

TEST_CASE("full-width digits and Chinese numeral dates") {
    const auto reading = read(body(R"(
        <ul>
          <li><a href="/e/1.html">关于做好冬季供暖工作的通知</a>
              <span>２０２６－１１－１９</span></li>
          <li><a href="/e/2.html">关于印发应急预案的通知</a><span>二〇二六年十一月二日</span></li>
        </ul>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].published == end_of_day(2026, 11, 19));
    CHECK(reading.items[1].published == end_of_day(2026, 11, 2));
}

TEST_CASE("an article with a PubDate meta") {
    const auto reading = read(R"(<html><head><meta name="PubDate" content="2026-11-20 09:30">
        </head><body><h1>关于开展检查的通知</h1><p>正文</p></body></html>)");
    REQUIRE(reading.article_date.has_value());
    CHECK(*reading.article_date == beijing(2026, 11, 20, 9, 30));
    CHECK(reading.items.empty());
    CHECK(newest(reading) == reading.article_date);
}

TEST_CASE("an article dated by a 发布时间 label, and TRS's hyphenated meta") {
    const auto labelled = read(body(R"(
        <h1>关于开展检查的通知</h1>
        <div class="info">来源：市政府办公室 发布时间：2026-11-12 16:00 浏览次数：35</div>
        <p>各县（市、区）人民政府……</p>)"));
    CHECK(labelled.article_date == beijing(2026, 11, 12, 16));

    const auto trs = read(R"(<html><head><meta name="firstpublishedtime"
        content="2026-08-20-23:59:59"></head><body><p>正文</p></body></html>)");
    CHECK(trs.article_date == beijing(2026, 8, 20, 23, 59, 59));
}

TEST_CASE("a header table of dates is not an article label") {
    // "发布日期" as a column heading has no colon: the row dates belong to the rows.
    const auto reading = read(body(R"(<table><tr><th>标题</th><th>发布日期</th></tr>
        <tr><td><a href="/f/1.html">关于开展检查的通知</a></td><td>2026-11-01</td></tr></table>)"));
    CHECK_FALSE(reading.article_date.has_value());
    CHECK(reading.items.size() == 1);
}

TEST_CASE("a footer with copyright years, phone numbers and record numbers has no date") {
    const auto reading = read(body(R"(
        <ul><li><a href="/g/1.html">关于开展检查工作的通知公告</a></li></ul>
        <div class="footer">
          <p>版权所有 2005-2026 某某市人民政府 <a href="/g/map.html">网站地图</a></p>
          <p>电话：010-12345678 传真：0310-5678901 <a href="/g/lx.html">联系我们</a></p>
          <p>网站标识码：1304000009 <a href="https://beian.miit.gov.cn/">冀ICP备05029117号-1</a></p>
          <p>冀公网安备 13042002000523号 Copyright © 2012-2026</p>
        </div>)"));
    CHECK(reading.items.empty());
    // The notice and the ICP link (a long link text alone in its <p>) are undated entries.
    CHECK(reading.undated_items == 2);
    CHECK_FALSE(reading.article_date.has_value());
    CHECK_FALSE(newest(reading).has_value());
}

TEST_CASE("undated list entries are counted, not dated") {
    const auto reading = read(body(R"(
        <ul>
          <li><a href="/h/1.html">国务院办公厅印发《保障农民工工资支付工作考核办法》</a></li>
          <li><a href="/h/2.html">专业技术类公务员管理规定印发施行</a></li>
          <li><a href="/h/3.html">首页</a></li>
        </ul>)"));
    CHECK(reading.items.empty());
    CHECK(reading.undated_items == 2); // 首页 is a menu label, not an entry
    CHECK_FALSE(reading.looks_like_navigation_only);
}

TEST_CASE("dates in the future are errors and repeated entries count once") {
    const auto reading = read(body(R"(
        <ul>
          <li><a href="/i/1.html">明年工作计划提前发布的通知</a><span>2026-12-25</span></li>
          <li><a href="/i/2.html">今天发布的重要通知公告内容</a><span>2026-11-21</span></li>
          <li><a href="/i/2.html">今天发布的重要通知公告内容</a><span>2026-11-21</span></li>
        </ul>)"));
    REQUIRE(reading.items.size() == 1);
    CHECK(reading.items[0].published == end_of_day(2026, 11, 21));
    CHECK(reading.undated_items == 1);
}

TEST_CASE("a navigation-only home page") {
    const auto reading = read(body(R"(
        <div class="nav"><ul>
          <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
          <li><a href="/xwdt/">新闻动态</a></li><li><a href="/tzgg/">通知公告</a></li>
          <li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li>
        </ul></div>)"));
    CHECK(reading.items.empty());
    CHECK(reading.looks_like_navigation_only);
}

TEST_CASE("garbage and empty input do not crash") {
    CHECK(read_page(nullptr, page, fixed_now).items.empty());
    const std::string garbage("\x00\xff<li><a href=\"\"><span>[99-99]</span><td>2026-02-30"
                              "</a><dl><dd>\xe4\xb8<a href='javascript:x'>",
                              80);
    const auto reading = read(garbage);
    CHECK(reading.items.empty());
    std::string deep;
    for (int i = 0; i < 3000; ++i)
        deep += "<div>";
    deep += "<li><a href='/x.html'>深处的一条信息公开目录内容</a><span>2026-11-01</span></li>";
    CHECK(read(deep).items.size() <= 1);
}

TEST_CASE("rows with a summary longer than 60 characters keep their date") {
    // A news list with a lead under each title, as Hanweb and TRS column templates write it.
    const auto reading = read(body(R"(
        <ul class="news">
          <li><a href="/j/1.html">全省优化营商环境工作推进会在杭州召开</a>
              <p>会议总结了今年以来全省优化营商环境工作取得的成效，分析了当前面临的形势，部署了下一阶段重点任务，要求各地各部门进一步提高认识、压实责任。</p>
              <span class="date">2026-11-19</span></li>
          <li><a href="/j/2.html">市政府召开第十次常务会议研究部署冬季安全生产</a>
              <p>会议听取了关于冬季安全生产工作的汇报，研究了城市燃气、道路交通、消防安全等领域的重点工作，强调要坚决防范遏制重特大事故发生，确保人民群众安全过冬。</p>
              <span>2026-11-17</span></li>
        </ul>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].title == "全省优化营商环境工作推进会在杭州召开");
    CHECK(reading.items[0].published == end_of_day(2026, 11, 19));
    CHECK(reading.items[1].published == end_of_day(2026, 11, 17));
    CHECK(newest(reading) == end_of_day(2026, 11, 19));
}

TEST_CASE("an article body and a footer with one link and a long text are not rows") {
    const auto reading = read(body(R"(
        <div class="article">各县（市、区）人民政府，市政府各部门：现将《关于进一步做好冬季安全生产工作的实施意见》印发给你们，请结合实际认真贯彻落实。本通知自2026年11月2日起施行。
          <a href="/k/fj.doc">附件</a></div>
        <div class="footer">主办单位：某某市人民政府办公室 承办单位：某某市大数据中心 地址：某某市人民路1号 邮编：050000 电话：0311-12345678
          <a href="/k/map.html">网站地图</a> <span>2026-11-20</span></div>)"));
    CHECK(reading.items.empty());
}

TEST_CASE("a TRS search result dated in the element after its title") {
    // The TRS search-result layout of issue 15: the title in <p><a>, the summary in the next
    // <p>, then <span>时间：2020-04-21</span>, all results siblings in one container.
    const auto reading = read(body(R"(
        <div class="results">
          <p class="title"><a href="/l/1.html">关于印发《市级政务服务事项目录》的通知</a></p>
          <p class="summary">为深入推进“放管服”改革，进一步优化政务服务，市政务服务管理局对全市政务服务事项进行了梳理，现将目录印发。</p>
          <span class="time">时间：2020-04-21</span>
          <p class="title"><a href="/l/2.html">市政务服务管理局2019年工作总结</a></p>
          <p class="summary">2019年，市政务服务管理局在市委、市政府的坚强领导下，围绕优化营商环境中心工作，扎实推进各项改革任务。</p>
          <span class="time">时间：2020-01-15</span>
        </div>)"),
                              beijing(2020, 5, 1, 10));
    REQUIRE(reading.items.size() == 2);
    CHECK(reading.items[0].title == "关于印发《市级政务服务事项目录》的通知");
    CHECK(reading.items[0].published == end_of_day(2020, 4, 21));
    CHECK(reading.items[1].published == end_of_day(2020, 1, 15));
}

TEST_CASE("a wrapped search result with a labelled date element") {
    const auto reading = read(body(R"(
        <div class="result">
          <div class="title"><a href="/m/1.html">关于公布第二批省级示范社区名单的通知</a></div>
          <div class="abs">根据《关于开展省级示范社区创建工作的通知》要求，经各地推荐、实地核查和公示，确定第二批省级示范社区名单，现予公布。</div>
          <div class="info"><span>来源：民政厅</span><span>发布日期：2026-11-18</span></div>
        </div>)"));
    REQUIRE(reading.items.size() == 1);
    CHECK(reading.items[0].published == end_of_day(2026, 11, 18));
}

TEST_CASE("a menu entry beside a date banner is not dated by it") {
    const auto reading = read(body(R"(
        <div class="top"><p><a href="/">首页</a></p><span>2026-11-21</span>
          <p><a href="/wza/">无障碍</a></p><p>时间：2026-11-21</p><p><a href="/en/">English</a></p>
        </div>)"));
    CHECK(reading.items.empty());
}

TEST_CASE("an article byline with an unlabelled date") {
    // The issue-15 byline: <li>来源：新华社</li><li>2023-12-01 14:43</li>.
    const auto reading = read(body(R"(
        <h1>中央经济工作会议在北京举行</h1>
        <ul class="byline"><li>来源：新华社</li><li>2023-12-01 14:43</li><li>字号：大 中 小</li></ul>
        <div class="content"><p>会议指出，今年是全面贯彻党的二十大精神的开局之年……</p></div>)"),
                              beijing(2023, 12, 20, 10));
    CHECK(reading.article_date == beijing(2023, 12, 1, 14, 43));
}

TEST_CASE("article dates from the metas and JSON-LD the CMSs write") {
    const auto meta = [](std::string_view attribute, std::string_view name,
                         std::string_view content) {
        return read("<html><head><meta " + std::string(attribute) + "=\"" + std::string(name) +
                    "\" content=\"" + std::string(content) +
                    "\"></head><body><h1>标题</h1><p>正文</p></body></html>");
    };
    CHECK(meta("name", "ArticleTime", "2026-11-20 09:30").article_date ==
          beijing(2026, 11, 20, 9, 30));
    CHECK(meta("name", "publishdate", "2026-11-19").article_date == end_of_day(2026, 11, 19));
    CHECK(meta("property", "og:release_date", "2026-11-18 08:00:00").article_date ==
          beijing(2026, 11, 18, 8));
    CHECK(meta("property", "article:published_time", "2026-11-17T08:00:00+08:00").article_date ==
          beijing(2026, 11, 17, 8));
    CHECK(meta("name", "PubDate", "2026-11-16 10:00").article_date == beijing(2026, 11, 16, 10));
    CHECK_FALSE(meta("name", "keywords", "2026-11-16 10:00").article_date.has_value());

    const auto json_ld = read(R"(<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "标题",
         "datePublished" : "2026-11-15T10:00:00+08:00", "dateModified": "2026-11-20T10:00:00+08:00",}
        </script></head><body><p>正文</p></body></html>)");
    CHECK(json_ld.article_date == beijing(2026, 11, 15, 10));
}

TEST_CASE("a 时间 line under the heading dates the article, one elsewhere does not") {
    const auto under_title = read(body(R"(
        <div class="detail"><h1>关于开展冬季消防安全检查的通知</h1>
          <div class="info">时间：2026-11-14 09:00 来源：应急管理局</div>
          <div class="text">检查时间：2026-12-01至2026-12-31……</div></div>)"));
    CHECK(under_title.article_date == beijing(2026, 11, 14, 9));

    const auto elsewhere = read(body(R"(
        <div class="detail"><h1>政务服务大厅办事指南</h1><div class="text">第一条……</div></div>
        <div class="notice">办理时间：2026-11-14 09:00</div>)"));
    CHECK_FALSE(elsewhere.article_date.has_value());
}

TEST_CASE("undated article-like entries are kept for the linked-article step") {
    std::string rows;
    for (int i = 1; i <= 12; ++i)
        rows += "<li><a href=\"/n/" + std::to_string(i) + ".html\">关于做好第" + std::to_string(i) +
                "项重点工作的通知</a></li>";
    const auto reading = read(body("<ul><li><a href='/'>首页</a></li>" + rows + "</ul>"));
    CHECK(reading.undated_items == 12);
    REQUIRE(reading.undated_entries.size() == max_undated_entries);
    CHECK(reading.undated_entries[0].title == "关于做好第1项重点工作的通知");
    CHECK(reading.undated_entries[0].url == "https://www.example.gov.cn/n/1.html");
}

TEST_CASE("year-less rows under a year heading take the heading's year") {
    // A static generator's archive: one <h3> per year over MM-DD rows.
    const auto reading = read(body(R"(
        <div class="archive">
          <h3>2026年</h3>
          <ul><li><a href="/p/3.html">关于做好冬季安全生产工作的通知</a><span>11-18</span></li></ul>
          <h3>2024</h3>
          <ul><li><a href="/p/2.html">关于开展年终岁末安全检查的通知</a><span>12-30</span></li>
              <li><a href="/p/1.html">关于2024年度工作总结报送的通知</a><span>12-20</span></li></ul>
        </div>
        <h2>2025年工作要点</h2>
        <ul><li><a href="/p/4.html">市政府召开全体会议部署年度重点工作</a><span>[10-09]</span></li></ul>)"));
    REQUIRE(reading.items.size() == 4);
    CHECK(reading.items[0].published == end_of_day(2026, 11, 18));
    CHECK(reading.items[1].published == end_of_day(2024, 12, 30)); // not 2025-12-30
    CHECK(reading.items[2].published == end_of_day(2024, 12, 20)); // its title's year is no date
    // A heading that is more than a year does not date the rows under it.
    CHECK(reading.items[3].published == end_of_day(2026, 10, 9));
}
