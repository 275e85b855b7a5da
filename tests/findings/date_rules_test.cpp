#include "daemon/findings/date_rules.hpp"
#include "probes/html/html_document.hpp"
#include "tests/site/page_fixture.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::test;

namespace {

const std::string home = "https://www.site.gov.cn/";
const std::string news = home + "xwdt/";
const std::int64_t now = beijing(2026, 12, 7, 10);

dated_item item(const std::string& title, const std::string& path, int y, int m, int d) {
    return {title, home + path, end_of_day(y, m, d), 1, date_origin::list_row};
}

crawl_result with_news(std::vector<dated_item> items, std::string category = "news") {
    crawl_result c;
    c.home.ok = true;
    c.home_reading = page_reading{};
    column_reading col;
    col.column = {"工作动态", news, std::move(category)};
    col.status.ok = true;
    col.html_page = true;
    col.reading.items = std::move(items);
    c.columns.push_back(std::move(col));
    return c;
}

std::vector<std::string> urls(const rule_verdict& v) {
    std::vector<std::string> out;
    for (const finding_candidate& c : v.candidates) {
        CHECK(c.kind == "date_suspect");
        CHECK(c.severity == "warn");
        CHECK(c.detail.find("疑似伪造发稿日期") == 0);
        out.push_back(c.url.substr(home.size()));
    }
    return out;
}

} // namespace

TEST_CASE("a displayed date far after the URL's date is suspect, a small gap is not") {
    const auto v =
        judge_dates(with_news({item("旧闻新发", "xwdt/2026/0305/1.html", 2026, 11, 30),
                               item("正常发布", "xwdt/202611/t20261128_5.html", 2026, 11, 28),
                               item("成文日期在前", "xwdt/202611/t20261120_6.html", 2026, 11, 15),
                               item("更新：办事指南", "xwdt/2026/0105/2.html", 2026, 11, 30)}),
                    home, {}, now);
    CHECK(urls(v) == std::vector<std::string>{"xwdt/2026/0305/1.html"});
    CHECK(v.candidates[0].detail.find("shows 2026-11-30, its URL 2026-03-05 (270 days later") !=
          std::string::npos);
    CHECK(v.candidates[0].source == news);
}

TEST_CASE("a date long before the URL's is suspect in a news column only") {
    const std::vector<dated_item> items{item("补发", "a/2026/1120/1.html", 2026, 8, 1)};
    CHECK(urls(judge_dates(with_news(items), home, {}, now)).size() == 1);
    // A policy column lists documents by 成文日期, often long before they were put online.
    CHECK(judge_dates(with_news(items, "notice"), home, {}, now).candidates.empty());
}

TEST_CASE("document numbers against dates: re-dated forward anywhere, backward in news") {
    std::vector<dated_item> items{
        item("一", "xwdt/content_1001.html", 2026, 11, 1),
        item("二", "xwdt/content_1002.html", 2026, 12, 6), // old number, new date
        item("三", "xwdt/content_1003.html", 2026, 11, 3),
        item("四", "xwdt/content_1004.html", 2026, 11, 4),
        item("五", "xwdt/content_1005.html", 2026, 11, 5),
        item("六", "xwdt/content_1006.html", 2026, 8, 6), // new number, old date
    };
    auto v = judge_dates(with_news(items), home, {}, now);
    CHECK(urls(v) == std::vector<std::string>{"xwdt/content_1002.html", "xwdt/content_1006.html"});
    CHECK(v.candidates[0].detail.find("document number 1002 is older than 4 documents") !=
          std::string::npos);
    v = judge_dates(with_news(items, "notice"), home, {}, now);
    CHECK(urls(v) == std::vector<std::string>{"xwdt/content_1002.html"});
}

TEST_CASE("a row dated in the future is suspect; today, read in Beijing time, is not") {
    crawl_result c = with_news({});
    c.columns[0].reading.future_items.push_back(item("预告", "xwdt/9.html", 2026, 12, 20));
    const auto v = judge_dates(c, home, {}, now);
    REQUIRE(v.candidates.size() == 1);
    CHECK(v.candidates[0].detail.find("shows 2026-12-20, 13 days after the check") !=
          std::string::npos);
    // 2026-12-07 23:30 Beijing is 15:30 UTC: the page's "2026-12-08" is tomorrow there.
    CHECK(judge_dates(with_news({item("今天", "xwdt/10.html", 2026, 12, 8)}), home, {},
                      beijing(2026, 12, 7, 23, 30))
              .candidates.empty());
}

TEST_CASE("an item first seen long after its date, in a news list read since, is backdated") {
    item_history h;
    h.last_read[news] = beijing(2026, 12, 6, 10);
    std::vector<dated_item> items;
    for (int d = 1; d <= 6; ++d) {
        items.push_back(
            item("旧" + std::to_string(d), "xwdt/" + std::to_string(d) + ".html", 2026, 12, d));
        h.first_seen[items.back().url] = {beijing(2026, 12, d, 12), 0};
    }
    items.push_back(item("倒填", "xwdt/old.html", 2026, 10, 1));
    auto v = judge_dates(with_news(items), home, h, now);
    CHECK(urls(v) == std::vector<std::string>{"xwdt/old.html"});
    CHECK(v.candidates[0].detail.find("66 days later; the list was read on 2026-12-06") !=
          std::string::npos);
    // The next crawl knows the item: the sighting it remembered keeps the finding open.
    item_history next = h;
    next.first_seen[home + "xwdt/old.html"] = {now, beijing(2026, 12, 6, 10)};
    next.last_read[news] = now;
    CHECK(urls(judge_dates(with_news(items), home, next, now + 86400)) ==
          std::vector<std::string>{"xwdt/old.html"});
    // A list govmon never read before, and a list whose items are mostly new (a redesign),
    // say nothing of when items were published.
    CHECK(judge_dates(with_news(items), home, item_history{h.first_seen, {}}, now)
              .candidates.empty());
    item_history redesigned = h;
    redesigned.first_seen.clear();
    CHECK(judge_dates(with_news(items), home, redesigned, now).candidates.empty());
}

TEST_CASE("the real 邯郸 page (rw02): 成文日期 before the URL's date raise nothing") {
    // Its documents show their 成文日期: days before the URL's date for notices, years for the
    // 政府令 it lists again. Read as the home page it is, or as a notice column, none is
    // suspect; the same rows in a news column would be (the rule is off for policy lists).
    const std::string html = corpus_page("rw02.html");
    const html::html_document doc(html, "http://hdzfxxgk.hd.gov.cn/");
    const std::int64_t saved = beijing(2020, 8, 12, 12); // page_corpus_test.cpp says why
    const page_reading reading = read_page(doc.get(), "http://hdzfxxgk.hd.gov.cn/", saved);
    REQUIRE(reading.items.size() == 54);
    crawl_result as_home = with_news({});
    as_home.home_reading = reading;
    CHECK(judge_dates(as_home, home, {}, saved).candidates.empty());
    CHECK(judge_dates(with_news(reading.items, "notice"), home, {}, saved).candidates.empty());
    CHECK(judge_dates(with_news(reading.items, "news"), home, {}, saved).candidates.size() == 6);
}
