#include "daemon/findings/site_content_rules.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace govmon;

namespace {

constexpr std::int64_t now = 1795305600;
constexpr std::int64_t day = 86400;
const std::string home = "https://www.hubei.gov.cn/";

crawl_result healthy() {
    crawl_result c;
    c.home.ok = true;
    c.home_reading = page_reading{};
    for (int i = 0; i < 12; ++i)
        c.home_reading->items.push_back({"要闻", home + std::to_string(i), now - i * day, 1});
    return c;
}

column_reading column(const std::string& category, std::optional<std::int64_t> newest,
                      int undated = 0) {
    column_reading c;
    c.column = {"栏目" + category, home + category + "/", category};
    if (newest)
        c.reading.items.push_back({"条目", home + "x", *newest, 1});
    c.reading.undated_items = undated;
    c.html_page = true;
    return c;
}

std::vector<std::string> kinds(const rule_verdict& v) {
    std::vector<std::string> out;
    for (const auto& c : v.candidates)
        out.push_back(kind_and_severity(c.kind, c.severity));
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("a healthy site has no content finding, and all content kinds are judged") {
    auto v = judge_site_content(healthy(), home, now, {}, {});
    CHECK(v.candidates.empty());
    CHECK(v.judged.size() == 9); // misstatement and typo too
}

TEST_CASE("nothing is judged when the home page did not load") {
    crawl_result c;
    c.home.ok = false;
    CHECK(judge_site_content(c, home, now, {}, {}).judged.empty());
}

TEST_CASE("broken links: the home page is the source when it has the link") {
    auto c = healthy();
    c.broken.push_back({home + "gone.html",
                        {false, 404, error_class::http, "HTTP 404"},
                        true,
                        {home, home + "a.html"},
                        2});
    c.broken.push_back({home + "img.png",
                        {false, 0, error_class::timeout, "timeout"},
                        false,
                        {home + "b.html"},
                        1});
    auto v = judge_site_content(c, home, now, {}, {});
    REQUIRE(v.candidates.size() == 2);
    CHECK(v.candidates[0].source == home);
    CHECK(v.candidates[0].detail == "HTTP 404 (on 2 pages)");
    CHECK(v.candidates[1].source == home + "b.html");
}

TEST_CASE("home page freshness: veto after 14 days, warning after 10, low volume") {
    auto stale = healthy();
    for (auto& i : stale.home_reading->items)
        i.published -= 20 * day;
    CHECK(kinds(judge_site_content(stale, home, now, {}, {})) ==
          std::vector<std::string>{"homepage_low_volume/deduct", "homepage_stale/veto"});

    auto aging = healthy();
    aging.home_reading->items.resize(1);
    aging.home_reading->items[0].published = now - 11 * day;
    CHECK(kinds(judge_site_content(aging, home, now, {}, {})) ==
          std::vector<std::string>{"homepage_low_volume/deduct", "homepage_stale/warn"});

    auto undated = healthy();
    undated.home_reading->items.clear();
    undated.home_reading->undated_items = 30;
    undated.home_reading->attempts = {"CMS records: 0", "linked articles: 10 opened, 0 dated"};
    auto v = judge_site_content(undated, home, now, {}, {});
    CHECK(kinds(v) == std::vector<std::string>{"homepage_stale/warn"});
    CHECK(v.candidates[0].detail.starts_with("更新时间无法判定"));
    CHECK(v.candidates[0].detail.find("30 undated titles") != std::string::npos);
    CHECK(v.candidates[0].detail.find("linked articles: 10 opened, 0 dated") != std::string::npos);
}

TEST_CASE("a freshness detail names where its date was read") {
    auto stale = healthy();
    stale.home_reading->items = {
        {"关于开展检查的通知", home + "art/1.html", now - 20 * day, 7, date_origin::cms_record}};
    const auto v = judge_site_content(stale, home, now, {}, {});
    const auto veto = std::find_if(v.candidates.begin(), v.candidates.end(),
                                   [](const auto& c) { return c.kind == "homepage_stale"; });
    REQUIRE(veto != v.candidates.end());
    CHECK(veto->severity == "veto");
    CHECK(veto->detail.find("20 days ago (CMS record: 关于开展检查的通知 " + home +
                            "art/1.html)") != std::string::npos);
}

TEST_CASE("a navigation-only home page is judged by its columns") {
    auto c = healthy();
    c.home_reading->items.clear();
    c.home_reading->looks_like_navigation_only = true;
    c.columns.push_back(column("news", now - 2 * day));
    auto v = judge_site_content(c, home, now, {}, {});
    CHECK(std::none_of(v.candidates.begin(), v.candidates.end(),
                       [](const auto& x) { return x.kind == "homepage_stale"; }));
}

TEST_CASE("columns: stale by category, undatable, and the site-level vetoes") {
    auto c = healthy();
    c.columns.push_back(column("news", now - 20 * day));
    c.columns.push_back(column("notice", now - 20 * day));
    c.columns.push_back(column("personnel", now - 200 * day));
    c.columns.push_back(column("notice", std::nullopt, 5));
    auto v = judge_site_content(c, home, now, {}, {});
    CHECK(kinds(v) == std::vector<std::string>{"column_stale/deduct", "column_stale/warn"});

    auto many = healthy();
    for (int i = 0; i < 5; ++i)
        many.columns.push_back(column("news", now - 30 * day));
    for (const auto& x : judge_site_content(many, home, now, {}, {}).candidates)
        CHECK(x.severity == "veto");

    // Columns that cannot be dated are warnings and count towards no veto.
    auto undatable = healthy();
    for (int i = 0; i < 6; ++i)
        undatable.columns.push_back(column("news", std::nullopt, 8));
    for (const auto& x : judge_site_content(undatable, home, now, {}, {}).candidates)
        CHECK(x.severity == "warn");
}

TEST_CASE("a blank column needs an HTML page with no rows on two crawls in a row") {
    auto c = healthy();
    c.columns.push_back(column("news", std::nullopt));
    const std::string url = c.columns.back().column.url;
    CHECK(is_blank_column(c.columns.back()));
    CHECK(kinds(judge_site_content(c, home, now, {}, {})).empty());
    const auto twice = judge_site_content(c, home, now, {}, {url});
    CHECK(kinds(twice) == std::vector<std::string>{"blank_column/deduct"});
    CHECK(twice.candidates[0].url == url);

    // An attachment (统计表（XLS）) or any non-HTML answer is not a column at all.
    auto attachment = healthy();
    attachment.columns.push_back(column("personnel", std::nullopt));
    attachment.columns.back().html_page = false;
    CHECK_FALSE(is_blank_column(attachment.columns.back()));
    CHECK(
        kinds(judge_site_content(attachment, home, now, {}, {attachment.columns.back().column.url}))
            .empty());

    // Five blank columns confirmed by two crawls are a veto.
    auto five = healthy();
    std::set<std::string> before;
    for (int i = 0; i < 5; ++i) {
        five.columns.push_back(column("news", std::nullopt));
        five.columns.back().column.url += std::to_string(i);
        before.insert(five.columns.back().column.url);
    }
    for (const auto& x : judge_site_content(five, home, now, {}, before).candidates)
        CHECK(x.severity == "veto");
}

TEST_CASE("ads and hidden links") {
    auto c = healthy();
    c.ads.push_back({"http://pos.baidu.com/x", home, "ad rule ||pos.baidu.com^"});
    c.hidden.push_back({"http://casino.example.com/", home, "display:none"});
    CHECK(kinds(judge_site_content(c, home, now, {}, {})) ==
          std::vector<std::string>{"ad_link/deduct", "hidden_link/veto"});
}

TEST_CASE("a crawl's wrong forms become misstatement and typo findings of the site") {
    crawl_result c = healthy();
    text_problem typo;
    typo.type = content_rule_type::misspelt;
    typo.found = "财政拔款";
    typo.correct = "财政拨款";
    typo.excerpt = "财政拔款已经到位";
    typo.occurrences = 1;
    c.text_problems.push_back({home + "zwgk/1.html", typo});
    const auto v = judge_site_content(c, home, now, {}, {});
    REQUIRE(v.candidates.size() == 1);
    CHECK(v.candidates[0].kind == "typo");
    CHECK(v.candidates[0].severity == "deduct");
    CHECK(v.candidates[0].source == home + "zwgk/1.html");
    CHECK(v.candidates[0].detail.find("错别字：〈财政拔款〉应为〈财政拨款〉") == 0);
}
