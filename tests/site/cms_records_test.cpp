// List shapes of the common government CMSs, each fixture written by us in the shape of a real
// one (the provenance comment says where the shape was seen), read as the page's own rows.

#include "probes/site/cms_records.hpp"
#include "probes/site/page_items.hpp"
#include "tests/site/page_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace govmon;
using namespace govmon::test;

namespace {

const std::int64_t fixed_now = beijing(2026, 12, 4, 10);
constexpr std::string_view column = "https://www.example.gov.cn/col/col1229/index.html";

page_reading read(std::string_view html, std::int64_t now = fixed_now) {
    const auto doc = parse_page(html);
    return read_page(doc.get(), column, now);
}

std::string page(std::string_view inner) {
    return "<html><head><meta charset=\"utf-8\"><title>某某市人民政府</title></head><body>" +
           std::string(inner) + "</body></html>";
}

bool all_from(const page_reading& reading, date_origin origin) {
    return std::all_of(reading.items.begin(), reading.items.end(),
                       [origin](const dated_item& i) { return i.origin == origin; });
}

// Hanweb JCMS's column list (issue 11): a <div> per list unit holding a text/xml script whose
// <datastore> carries one CDATA record per row, and the next group's dataproxy.jsp URL. The
// <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1…"></a>]]></nextgroup>
// shape is the one a public scraper's JPage test builds (find_string "<datastore><nextgroup>").
std::string hanweb_list(std::string_view records, std::string_view next = "") {
    return "<div id=\"5678\"><script type=\"text/xml\"><datastore><nextgroup><![CDATA[<a "
           "href=\"" +
           std::string(next) + "\"></a>]]></nextgroup><recordset>" + std::string(records) +
           "</recordset></datastore></script></div>"
           "<script>$(function(){new Pager({unitid:5678,perpage:15});});</script>";
}

std::string hanweb_record(std::string_view href, std::string_view title, std::string_view date) {
    return "<record><![CDATA[<li><a href=\"" + std::string(href) + "\" title=\"" +
           std::string(title) + "\" target=\"_blank\">" + std::string(title) + "</a><span>" +
           std::string(date) + "</span></li>]]></record>\n";
}

} // namespace

TEST_CASE("Hanweb JCMS datastore records are the page's rows") {
    const auto reading = read(
        page("<div class=\"nav\"><a href=\"/\">首页</a><a "
             "href=\"/col/col1230/index.html\">政务公开</a></div>"
             "<ul class=\"List_list\">" +
             hanweb_list(hanweb_record("/art/2026/12/2/art_1229_1.html",
                                       "关于做好2026年冬季安全生产工作的通知", "2026-12-02") +
                         hanweb_record("/art/2026/11/28/art_1229_2.html",
                                       "市政府召开常务会议研究部署近期重点工作", "2026-11-28")) +
             "</ul>"));
    REQUIRE(reading.items.size() == 2);
    CHECK(all_from(reading, date_origin::cms_record));
    CHECK(reading.items[0].title == "关于做好2026年冬季安全生产工作的通知");
    CHECK(reading.items[0].url == "https://www.example.gov.cn/art/2026/12/2/art_1229_1.html");
    CHECK(reading.items[0].published == end_of_day(2026, 12, 2));
    CHECK(reading.items[0].line == 1); // the script's line
    CHECK(newest(reading) == end_of_day(2026, 12, 2));
    CHECK(reading.cms_next_group.empty());
}

TEST_CASE("a Hanweb page whose first group has no dated record names its next group") {
    const auto reading = read(page(hanweb_list(
        "", "/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/&columnid=1229&unitid=5678")));
    CHECK(reading.items.empty());
    CHECK(reading.cms_next_group ==
          "https://www.example.gov.cn/module/web/jpage/"
          "dataproxy.jsp?page=1&webid=1&path=/&columnid=1229&unitid=5678");
}

TEST_CASE("a dataproxy.jsp answer is read as the asking page's rows") {
    const std::string answer =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore><nextgroup><![CDATA[]]></nextgroup>"
        "<recordset>" +
        hanweb_record("/art/2026/12/1/art_1229_9.html", "全市重点项目建设推进会召开",
                      "2026-12-01") +
        "</recordset></datastore>";
    const auto reading = read_datastore_answer(answer, column, fixed_now);
    REQUIRE(reading.items.size() == 1);
    CHECK(reading.items[0].origin == date_origin::cms_record);
    CHECK(reading.items[0].url == "https://www.example.gov.cn/art/2026/12/1/art_1229_9.html");
    CHECK(reading.items[0].published == end_of_day(2026, 12, 1));
}

TEST_CASE("document.write lists with escapes and concatenations") {
    // TRS WCM's script-list template (a public site template, find_string "TRS_Documents"):
    // document.writeln('<ul>'), one writeln per <li> with <i>期</i>, the title link and
    // <span class="time">yyyy.MM.dd</span>, then writeln('</ul>'), as WCM publishes it.
    const auto reading = read(page(R"(<div class="list"><script type="text/javascript">
        function dataist10() {
            document.writeln('<ul>');
            document.writeln('    <li>第<i>12</i>期：<a href="./202612/t20261203_88.html" target="_blank">\u5e02\u653f\u5e9c\u5e38\u52a1\u4f1a\u8bae\u53ec\u5f00\u4e13\u9898\u7814\u7a76</a><span class="time">2026.12.03</span></li>');
            document.writeln("    <li>第<i>11</i>期：<a href=\"./202611/t20261120_87.html\">" + '全市经济' + "运行情况新闻发布会</a><span class=\"time\">2026.11.20</span></li>");
            // document.writeln('<li><a href="./old.html">一条早已撤下的旧信息标题</a><span>2026.12.04</span></li>');
            document.writeln('</ul>');
        }
        dataist10();
        </script></div>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(all_from(reading, date_origin::cms_record));
    CHECK(reading.items[0].title == "市政府常务会议召开专题研究");
    CHECK(reading.items[0].url ==
          "https://www.example.gov.cn/col/col1229/202612/t20261203_88.html");
    CHECK(reading.items[0].published == end_of_day(2026, 12, 3));
    CHECK(reading.items[1].title == "全市经济运行情况新闻发布会");
    CHECK(reading.items[1].published == end_of_day(2026, 11, 20));
}

TEST_CASE("what document.write writes") {
    CHECK(document_written_html(R"(document.write('<a href="/x">a\'b</a>');)") ==
          R"(<a href="/x">a'b</a>)");
    CHECK(document_written_html(
              R"(document.write("\x3cli\x3e" + title + '\u{4e2d}' + "\ud83d\ude00");)") ==
          "<li>中😀");
    CHECK(document_written_html(R"(document.write(fmt('<b>'), "<i>");)") == "<i>");
    CHECK(document_written_html("document.write('unterminated") == "unterminated");
    // A code point past U+10FFFF, or braces too far apart for one, is no escape: its digits stay.
    CHECK(document_written_html(R"(document.write('\u{110000}x');)") == "{110000}x");
    CHECK(document_written_html(R"(document.write('\u{0000004e2d}');)") == "{0000004e2d}");
    CHECK(document_written_html("document.writex = 1; document.write") == "");
    // One minified line: the "//" of a URL inside a literal is no comment.
    CHECK(document_written_html(
              R"(document.write('<a href="http://a.gov.cn/">');document.write("x");)") ==
          R"(<a href="http://a.gov.cn/">x)");
    CHECK(document_written_html(
              "f(); // document.write('<li>old</li>');\ndocument.write('<li>new</li>');") ==
          "<li>new</li>");
}

TEST_CASE("TRS WCM static lists and their <!--<TRS_…>--> markup") {
    // TRS WCM 5/6-era published columns keep the template tags as comments around the rows
    // (<!--<TRS_DOCUMENTS>-->, <!--</TRS_DOCUMENTS>-->) and relative t-numbered URLs. A row the
    // editor commented out is not on the page (as rw04 shows in a real file).
    const auto reading = read(page(R"(
        <div class="main_list"><ul>
        <!--<TRS_DOCUMENTS NUM="20">-->
          <li><a href="./202612/t20261201_5501.html" title="关于公布2026年度市级重点项目名单的通知" target="_blank">关于公布2026年度市级重点项目名单的通知</a><span>2026-12-01</span></li>
          <li><a href="./202611/t20261125_5490.html" target="_blank">市人民政府关于调整部分行政区划的批复</a><span>2026-11-25</span></li>
          <!--<li><a href="./202612/t20261204_5510.html">撤回的一条信息标题足够长</a><span>2026-12-04</span></li>-->
        <!--</TRS_DOCUMENTS>-->
        </ul>
        <div class="page"><script>createPageHTML(12, 0, "index", "html");</script></div></div>)"));
    REQUIRE(reading.items.size() == 2);
    CHECK(all_from(reading, date_origin::list_row));
    CHECK(newest(reading) == end_of_day(2026, 12, 1));
    CHECK(reading.items[1].url ==
          "https://www.example.gov.cn/col/col1229/202611/t20261125_5490.html");
}

TEST_CASE("static generator and 博思/中科汇联 list shapes") {
    // Shapes of real scrapers' XPaths over gov columns: //ul[@class="List_list"]/li with
    // ./a/@href and ./span (a Hanweb column of sthjt.jiangxi.gov.cn, jas0no7/local_spider_jason
    // t.py); li.xxgk-comm-line with ./span[1]/a and ./span[2] (kjt.hebei.gov.cn,
    // gerry0208/spider_project); gov.cn's <h4><a>…</a><span class="date">; dates in <em>, <i>,
    // <td> cells and [YYYY-MM-DD] brackets, as static generators and 博思/中科汇联 templates
    // write them.
    const auto reading = read(page(R"(
        <ul class="xxgk"><li class="xxgk-comm-line clearfix"><span><a href="/x/1.html">关于印发科技计划项目管理办法的通知</a></span><span>2026-11-30</span></li></ul>
        <ul class="list"><li><h4><a href="/x/2.html">国务院办公厅关于优化政务服务的意见</a><span class="date">2026-11-29</span></h4></li></ul>
        <ul class="news"><li><a href="/x/3.html">全市冬季造林绿化工作现场会召开</a><em>2026-11-28</em></li>
          <li><i>2026-11-27</i><a href="/x/4.html">市场监管局开展食品安全专项检查</a></li>
          <li>[2026-11-26] <a href="/x/5.html">关于征求城市更新条例意见的公告</a></li>
          <li><a href="/x/6.html">人社局发布冬季招聘会信息汇总 [2026-11-25]</a></li></ul>
        <table class="list"><tr><td>·</td><td><a href="/x/7.html">关于2026年度财政预算执行情况的报告</a></td><td>2026-11-24</td></tr></table>)"));
    REQUIRE(reading.items.size() == 7);
    CHECK(reading.items[0].published == end_of_day(2026, 11, 30));
    CHECK(reading.items[1].title == "国务院办公厅关于优化政务服务的意见");
    CHECK(reading.items[1].published == end_of_day(2026, 11, 29));
    CHECK(reading.items[3].published == end_of_day(2026, 11, 27));
    CHECK(reading.items[5].title == "人社局发布冬季招聘会信息汇总");
    CHECK(reading.items[6].published == end_of_day(2026, 11, 24));
    CHECK(reading.undated_items == 0);
}

TEST_CASE("scripts without lists cost nothing and give nothing") {
    const auto reading = read(page(R"(
        <script>var _hmt = _hmt || []; document.title = "2026-12-04";</script>
        <script type="text/xml"><datastore></datastore></script>
        <script>document.write('<img src="/count.gif">');</script>)"));
    CHECK(reading.items.empty());
    CHECK(reading.undated_items == 0);
    CHECK(reading.cms_next_group.empty());
}

TEST_CASE("jact's dataproxy answer: dataStore = [ row literals ];") {
    // Shape: the answer the 菏泽 spider (index id 40654235889) splits at "dataStore = " and
    // json.loads, and the 济南 spider's empty page, exactly `dataStore = [];` (index id
    // 37643609822); the row after WaiBaoSpider laiwu.py @fe144e37 (//tr[@class='tr_css']).
    const auto rows = read_datastore_array(
        "\r\ndataStore = [\"<tr class='tr_css'><td>LW01</td><td><a href='mailpubdetail.do?"
        "transactId=1'>\\u4f9b\\u6696</a></td></tr>\",\n'<tr><td>LW02</td></tr>'];");
    REQUIRE(rows);
    CHECK(*rows == "<tr class='tr_css'><td>LW01</td><td><a href='mailpubdetail.do?"
                   "transactId=1'>供暖</a></td></tr>\n<tr><td>LW02</td></tr>\n");
    CHECK(read_datastore_array("dataStore = [];") == std::string{});
    CHECK_FALSE(read_datastore_array("<html><script>dataStore = ['<tr>'];</script>"));
    CHECK_FALSE(read_datastore_array("dataStore = [rows];"));       // not literals
    CHECK_FALSE(read_datastore_array("dataStore = ['<tr>…</tr>'")); // cut off
}

TEST_CASE("a hostile answer of a million unclosed \\u{ is read in one pass") {
    std::string answer = "dataStore = ['";
    for (int i = 0; i < 1'000'000; ++i)
        answer += "\\u{";
    answer += "'];";
    const auto rows = read_datastore_array(answer);
    REQUIRE(rows);
    CHECK(rows->size() > 1'000'000);
}
