// The real pages of corpora/realworld/pages/. Every expectation below was established by
// reading the file (grep for dates and anchors, and a count of <li> rows holding a
// <span>date</span> done with a throwaway Python regex), not by running this code; the comment
// at each case says how. `now` is the moment each page was saved, as the page itself tells.

#include "probes/site/column_discovery.hpp"
#include "probes/site/page_items.hpp"
#include "tests/site/page_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

using namespace govmon;
using namespace govmon::test;

namespace {

struct corpus_reading {
    page_reading reading;
    std::vector<discovered_column> columns;
};

corpus_reading read_corpus(std::string_view name, std::string_view page_url, std::int64_t now) {
    const auto doc = parse_page(corpus_page(name));
    REQUIRE(doc != nullptr);
    return {read_page(doc.get(), page_url, now), discover_columns(doc.get(), page_url)};
}

std::vector<std::string> column_summary(const std::vector<discovered_column>& columns) {
    std::vector<std::string> out;
    for (const auto& c : columns)
        out.push_back(c.category + " " + c.name + " " + c.url);
    return out;
}

const dated_item& newest_item(const page_reading& reading) {
    return *std::max_element(
        reading.items.begin(), reading.items.end(),
        [](const dated_item& a, const dated_item& b) { return a.published < b.published; });
}

// The 邯郸 pages (rw02, rw03, rw08, rw15) were saved in August 2020: rw03's JSP header says
// "Date: 2020/8/10" and rw08's "2020/8/12".
const std::int64_t handan_saved = beijing(2020, 8, 12, 12);
// Long after every page below, for the article pages.
const std::int64_t much_later = beijing(2026, 11, 21, 10);

} // namespace

TEST_CASE("rw01 the gov.cn home page shows no visible dates") {
    // Its only dates are in URLs (/home/2023-03/29/…) and <meta name="others"> "页面生成时间
    // 2023-09-27 19:08:16" (our now); the 最新政策/政策解读/要闻 lists have 5, 3 and more
    // entries each, with titles and no date: by the inspection's rule none is an update.
    const auto [reading, columns] =
        read_corpus("rw01.html", "https://www.gov.cn/", beijing(2023, 9, 27, 19, 8, 16));
    CHECK(reading.items.empty());
    CHECK(reading.undated_items > 20);
    CHECK_FALSE(reading.article_date.has_value());
    CHECK_FALSE(reading.looks_like_navigation_only); // full of article titles
    CHECK_FALSE(newest(reading).has_value());
    // <h2> links 要闻, 最新政策, 政策解读, <h3> 国务院政策文件库 and the 国务院组织机构 box; the
    // footer's 驻港澳机构网站/驻外机构 point at articles (content_5748955.htm),
    // 惠企助企政策集纳查询 is too long, 国务院政策问答平台 is on bmfw.www.gov.cn.
    CHECK(column_summary(columns) ==
          std::vector<std::string>{
              "news 要闻 https://www.gov.cn/yaowen/",
              "notice 最新政策 https://www.gov.cn/zhengce/index.htm",
              "notice 国务院政策文件库 https://www.gov.cn/zhengce/zhengcewenjianku/",
              "notice 政策解读 https://www.gov.cn/zhengce/jiedu/",
              "personnel 国务院组织机构 https://www.gov.cn/gwyzzjg/",
          });
}

TEST_CASE("rw02 the 邯郸 information-disclosure home page") {
    // 61 <li> rows end in <span>YYYY-MM-DD</span>; the same documents appear in several tabs,
    // leaving 54 distinct url+date pairs. The newest is the first row of 近期信息公开.
    const auto [reading, columns] =
        read_corpus("rw02.html", "http://hdzfxxgk.hd.gov.cn/", handan_saved);
    CHECK(reading.items.size() == 54);
    const auto& first = reading.items.front();
    CHECK(first.title == "邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知");
    CHECK(first.url == "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html");
    CHECK(first.published == end_of_day(2020, 8, 2));
    CHECK(first.line == 161);
    CHECK(newest(reading) == end_of_day(2020, 8, 2));
    CHECK(items_since(reading, beijing(2020, 7, 29)) == 4); // 08-02, 07-31, 07-29, 07-29
    const auto oldest = std::min_element(
        reading.items.begin(), reading.items.end(),
        [](const dated_item& a, const dated_item& b) { return a.published < b.published; });
    CHECK(oldest->published == end_of_day(2013, 10, 30)); // 政府令第145号
    // The <a><li><p>name</p></li></a> tiles and the tab headers; 领导分工, 财政财务 and 政策解读
    // live on hd.gov.cn, another host; 市政府文件 repeats 政府文件's URL.
    CHECK(column_summary(columns) ==
          std::vector<std::string>{
              "news 政府新闻发布 http://hdzfxxgk.hd.gov.cn/zfxwfb/",
              "personnel 机构职责 http://hdzfxxgk.hd.gov.cn/zfwj/jgze/",
              "notice 政府文件 http://hdzfxxgk.hd.gov.cn/zfwj/szfwj/",
              "personnel 规划计划 http://hdzfxxgk.hd.gov.cn/zfwj/ghjh/",
              "personnel 统计数据 http://hdzfxxgk.hd.gov.cn/gszbm/auto23694/",
              "notice 公告公示 http://hdzfxxgk.hd.gov.cn/zfwj/gggslb/",
              "notice 市政府办公室文件 http://hdzfxxgk.hd.gov.cn/zfwj/zhengcejd/",
          });
}

TEST_CASE("rw03 a column list page with one table row") {
    // One <tr> under the 名称/索引号/发布机构/发布日期 header: the 索引号 000014348/2020-35428
    // is not a date, the 发布日期 cell 2020-08-05 is.
    const auto [reading, columns] =
        read_corpus("rw03.html", "http://hdzfxxgk.hd.gov.cn/zfwj/", handan_saved);
    REQUIRE(reading.items.size() == 1);
    CHECK(reading.items[0].title ==
          "邯郸市教育局关于印发《邯郸市学校安全工作目标管理考核办法》的通知");
    CHECK(reading.items[0].published == end_of_day(2020, 8, 5));
    CHECK_FALSE(reading.article_date.has_value()); // the 发布日期 heading has no colon
}

TEST_CASE("rw04 the 南通 statistics bureau home page with year-less dates") {
    // Saved 2026-08-29 (its file name). Six lists: 公告公示 7, 部门动态 7, 统计数据 7, 统计公报 7,
    // 统计年鉴 7 ([MM-DD]), 解读回应 5 ([MM-DD]) = 40; the 08-28 rows sit in an HTML comment and
    // the banner <li>s have no date. "12-31" read in August 2026 is 2025-12-31.
    const auto [reading, columns] =
        read_corpus("rw04.html", "http://tjj.nantong.gov.cn/", beijing(2026, 8, 29, 12));
    CHECK(reading.items.size() == 40);
    const auto& latest = newest_item(reading);
    CHECK(latest.title == "省统计局马俊副局长一行来通开展经济形势...");
    CHECK(latest.published == end_of_day(2026, 8, 5));
    CHECK(latest.url == "http://tjj.nantong.gov.cn/ntstj/bmdt/content/"
                        "2b7a79a7-e390-462f-855e-1e4cf8e20c1d.html");
    const auto find = [&](std::string_view url_tail) {
        return std::find_if(reading.items.begin(), reading.items.end(),
                            [url_tail](const dated_item& i) { return i.url.ends_with(url_tail); });
    };
    const auto yearbook = find("/ntstj/2025tjnj/indexch.htm"); // [12-31]
    REQUIRE(yearbook != reading.items.end());
    CHECK(yearbook->title == "2025统计年鉴");
    CHECK(yearbook->published == end_of_day(2025, 12, 31));
    const auto briefing = find("1dea924d-eea5-4810-a00c-5335fe026bed.html"); // [08-03]
    REQUIRE(briefing != reading.items.end());
    CHECK(briefing->title == "[新闻发布会]上半年南通市经济运行情况");
    CHECK(briefing->published == end_of_day(2026, 8, 3));
    // Nothing in the 14 days before the save: this home page would be stale.
    CHECK(items_since(reading, beijing(2026, 8, 15)) == 0);
    CHECK(column_summary(columns) ==
          std::vector<std::string>{
              "personnel 统计信用信息公示 http://tjj.nantong.gov.cn/ntstj/tjxyxxgs/tjxyxxgs.html",
              "personnel 机构职能 http://tjj.nantong.gov.cn/ntstj/jgzn/jgzn.html",
              "personnel 领导信息 http://tjj.nantong.gov.cn/ntstj/ldfg/ldfg.html",
              "notice 政策文件 http://tjj.nantong.gov.cn/ntstj/zcwj/zcwj.html",
              "notice 政策解读 http://tjj.nantong.gov.cn/ntstj/jdhy/jdhy.html",
              "notice 公示公告 http://tjj.nantong.gov.cn/ntstj/gggs/gggs.html",
              "personnel 计划总结 http://tjj.nantong.gov.cn/ntstj/ghjh/ghjh.html",
              "personnel 人事信息 http://tjj.nantong.gov.cn/ntstj/rsrm/rsrm.html",
              "personnel 财政信息 http://tjj.nantong.gov.cn/ntstj/bmyjshsg/bmyjshsg.html",
          }); // 领导信箱 is a mailbox, not a column
}

TEST_CASE("rw05 the anti-bot challenge page and rw06 the script-filled column shell") {
    // rw05 is one line of obfuscated script and an empty <div id="app">; rw06's body is empty
    // containers and an iframe filled by script. Neither states anything.
    for (const auto* name : {"rw05.html", "rw06.html"}) {
        CAPTURE(name);
        const auto [reading, columns] =
            read_corpus(name, "https://www.lottery.gov.cn/kj/kjlb.html", much_later);
        CHECK(reading.items.empty());
        CHECK(reading.undated_items == 0);
        CHECK_FALSE(reading.article_date.has_value());
        CHECK_FALSE(reading.looks_like_navigation_only);
        CHECK(columns.empty());
    }
}

TEST_CASE("rw07 a 围场县 navigation frame") {
    // Eight short menu links in a layout table, no date anywhere. The page URL is assumed (the
    // saved file is index_651.html under a county folder; ../../csqh/ leads to the site root).
    const auto [reading, columns] =
        read_corpus("rw07.html", "http://www.ccgp-hebei.gov.cn/cd/wc/index_651.html", much_later);
    CHECK(reading.items.empty());
    CHECK(reading.looks_like_navigation_only);
    // 国务要闻 is on www.gov.cn, another host.
    CHECK(column_summary(columns) == std::vector<std::string>{
                                         "notice 采购公告 http://www.ccgp-hebei.gov.cn/cd/wc/cggg/",
                                         "notice 重要通知 http://www.ccgp-hebei.gov.cn/cd/wc/zytz/",
                                         "notice 政策法规 http://www.ccgp-hebei.gov.cn/cd/wc/zcfg/",
                                     });
}

TEST_CASE("rw08 the page with no dates") {
    // A 政府信息公开指南 shell: menus, a department list and a footer with 冀ICP备05029117号-1,
    // 冀公网安备 13042002000523号 and 网站标识码 1304000009, none of which is a date.
    const auto [reading, columns] =
        read_corpus("rw08.html", "http://hdzfxxgk.hd.gov.cn/zfxxgkzn/", handan_saved);
    CHECK(reading.items.empty());
    CHECK_FALSE(reading.article_date.has_value());
    CHECK(reading.looks_like_navigation_only);
    const auto summary = column_summary(columns);
    const auto has = [&summary](std::string_view entry) {
        return std::find(summary.begin(), summary.end(), entry) != summary.end();
    };
    CHECK(has("news 部门动态 http://hdzfxxgk.hd.gov.cn/zfxxgkzn/hdyw/bmdt/"));
    CHECK(has("personnel 规划计划 http://hdzfxxgk.hd.gov.cn/zfwj/ghjh/"));
    CHECK(has("notice 政策解读 http://hdzfxxgk.hd.gov.cn/xxgk/zcjd"));
    // 市财政局 and 市统计局 in the department list are agencies, not columns.
    CHECK(std::none_of(columns.begin(), columns.end(),
                       [](const discovered_column& c) { return c.name.ends_with("局"); }));
}

TEST_CASE("rw09 to rw15 article pages and their publish dates") {
    struct article_case {
        const char* name;
        std::int64_t now;
        std::int64_t expected;
    };
    const article_case cases[] = {
        // <meta name="PubDate" content="2016-11-22 09:53"> (also 发布日期：2016-11-22)
        {"rw09.html", much_later, beijing(2016, 11, 22, 9, 53)},
        // <meta name="PubDate" content="2019-09-18 06:23">
        {"rw10.html", much_later, beijing(2019, 9, 18, 6, 23)},
        // <meta name="firstpublishedtime" content="2007-08-20-23:59:59"> (TRS's hyphen)
        {"rw11.html", much_later, beijing(2007, 8, 20, 23, 59, 59)},
        // no meta; <div class="pubDate">发布日期: <span>2012-06-24</span></div>
        {"rw12.html", much_later, end_of_day(2012, 6, 24)},
        // <meta name="PubDate" content="2021-10-11">
        {"rw13.html", much_later, end_of_day(2021, 10, 11)},
        // no meta, no label; <span id="pubTime">2021年06月10日 17:35</span>
        {"rw14.html", much_later, beijing(2021, 6, 10, 17, 35)},
        // <meta name="PubDate" content="2020年08月02日">, and
        // <strong>发布日期</strong>：2020年08月02日 in the body
        {"rw15.html", handan_saved, end_of_day(2020, 8, 2)},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const auto [reading, columns] = read_corpus(c.name, "http://www.example.gov.cn/a/", c.now);
        CHECK(reading.article_date == c.expected);
        CHECK(reading.items.empty()); // related-link lists on these pages carry no dates
        CHECK_FALSE(reading.looks_like_navigation_only);
        CHECK(newest(reading) == c.expected);
    }
}

TEST_CASE("rw13 read before its publish date has no article date") {
    // PubDate 2021-10-11 seen from 2020 is a date in the future: an error, not an update.
    const auto [reading, columns] = read_corpus(
        "rw13.html",
        "http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/zhbggAAAA/202110/t20211011_1485252.html",
        handan_saved);
    CHECK_FALSE(reading.article_date.has_value());
}

TEST_CASE("rw09 the 浙江发改委 article's navigation columns") {
    // <dd><a href="/col/col1599526/index.html">动态资讯</a></dd> and its siblings; the page URL
    // is the article's own <meta name="url">.
    const auto [reading, columns] = read_corpus(
        "rw09.html", "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html", much_later);
    CHECK(column_summary(columns) ==
          std::vector<std::string>{
              "news 动态资讯 http://fgw.zj.gov.cn/col/col1599526/index.html",
              "personnel 机构职能 http://fgw.zj.gov.cn/col/col1599527/index.html",
              "notice 政策文件 http://fgw.zj.gov.cn/col/col1599528/index.html",
              "personnel 人事信息 http://fgw.zj.gov.cn/col/col1599529/index.html",
              "news 新闻发布会 http://fgw.zj.gov.cn/col/col1599531/index.html",
          });
}

TEST_CASE("every corpus page: the newest date govmon reports is the one the file shows") {
    // Established by reading each file: a throwaway Python pass stripped scripts, styles and
    // comments and listed every yyyy-mm-dd / yyyy年m月d日 and [mm-dd] in the visible text, then
    // each hit was looked up in the source to tell a row or publish date from a date quoted in
    // an article body (rw11's 2007年6月29日 session, rw14's procurement deadlines). The scripts
    // were read too: their document.write calls (rw01-03, rw08, rw10, rw11, rw13-15) write
    // pagers and the conac badge, never a dated list, and no file holds a Hanweb <datastore>.
    // A file added to the corpus without a line here fails the directory check below.
    struct expectation {
        const char* name;
        std::int64_t now;
        std::optional<std::int64_t> newest;
    };
    const expectation cases[] = {
        {"rw01.html", beijing(2023, 9, 27, 19, 8, 16), std::nullopt}, // dates only in URLs
        {"rw02.html", handan_saved, end_of_day(2020, 8, 2)}, // first 近期信息公开 row
        {"rw03.html", handan_saved, end_of_day(2020, 8, 5)}, // its one 发布日期 cell
        {"rw04.html", beijing(2026, 8, 29, 12), end_of_day(2026, 8, 5)}, // [08-05] 部门动态
        {"rw05.html", much_later, std::nullopt},                         // anti-bot script only
        {"rw06.html", much_later, std::nullopt},                         // empty shell
        {"rw07.html", much_later, std::nullopt},                         // menu frame
        {"rw08.html", handan_saved, std::nullopt},                       // 公开指南 shell
        {"rw09.html", much_later, beijing(2016, 11, 22, 9, 53)},         // PubDate meta
        {"rw10.html", much_later, beijing(2019, 9, 18, 6, 23)},      // PubDate, <i>时间：</i>
        {"rw11.html", much_later, beijing(2007, 8, 20, 23, 59, 59)}, // firstpublishedtime
        {"rw12.html", much_later, end_of_day(2012, 6, 24)},          // pubDate div
        {"rw13.html", much_later, end_of_day(2021, 10, 11)},         // PubDate meta
        {"rw14.html", much_later, beijing(2021, 6, 10, 17, 35)},     // span#pubTime
        {"rw15.html", handan_saved, end_of_day(2020, 8, 2)},         // PubDate, 发布日期
    };
    std::vector<std::string> expected_names;
    for (const auto& c : cases) {
        CAPTURE(c.name);
        expected_names.push_back(c.name);
        const auto [reading, columns] = read_corpus(c.name, "http://www.example.gov.cn/a/", c.now);
        CHECK(newest(reading) == c.newest);
    }
    std::vector<std::string> present;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(GOVMON_SHARED_DIR) +
                                                                 "/corpora/realworld/pages"))
        present.push_back(entry.path().filename().string());
    std::sort(present.begin(), present.end());
    CHECK(present == expected_names);
}
