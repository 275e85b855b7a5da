// Reports for periods that are not quarters, on the seeded province of report_seed.hpp: the
// monthly self-check of 2026-09 and the check window 2026-09-13..26, figure by figure, worked
// out by hand from the seed like the quarterly report of report_golden_test.cpp.

#include "daemon/common/month.hpp"
#include "daemon/report/quarter_summary.hpp"
#include "daemon/report/report_text.hpp"
#include "daemon/report/report_writers.hpp"
#include "daemon/store/report_queries.hpp"
#include "tests/report/report_seed.hpp"
#include "tests/store/store_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

using namespace govmon;

namespace {

report_context base_context() {
    report_context c;
    c.generated_at = test::day("2026-11-23");
    c.site_levels = {{"s-prov", "省级"},
                     {"s-city", "市级"},
                     {"s-quiet", "市级"},
                     {"s-county", "县级"},
                     {"s-low", "县级"}};
    c.unit_names = {{"u-prov", "省政府办公厅"}, {"u-county", "县政府办公室"}};
    return c;
}

report_context september() {
    report_context c = base_context();
    c.period = report_period::month;
    c.quarter_name = heading_of({2026, 9});
    c.previous_name = heading_of({2026, 8});
    c.quarter = range_of(month{2026, 9});
    c.previous = range_of(month{2026, 8});
    return c;
}

// [Sep 13, Sep 27): what `report --from 2026-09-13 --to 2026-09-27` asks for.
report_context check_window() {
    report_context c = base_context();
    c.period = report_period::window;
    c.quarter_name = "2026-09-13至2026-09-26";
    c.previous_name = "2026-08-30至2026-09-12";
    c.quarter = {*parse_local_date("2026-09-13"), *parse_local_date("2026-09-27")};
    c.previous = {*parse_local_date("2026-08-30"), *parse_local_date("2026-09-13")};
    return c;
}

struct seeded_period {
    explicit seeded_period(report_context (*context_of)()) {
        REQUIRE(set_default_time_zone("Asia/Shanghai"));
        test::province_seed seed{dir.file("govmon.db")};
        seed.targets();
        seed.observations();
        seed.findings();
        const report_context context = context_of();
        summary = summarize_quarter(
            read_report_rows(dir.file("govmon.db"), context.quarter, context.previous), context);
    }

    test::temp_dir dir;
    quarter_summary summary;
};

const site_figures& site_row(const quarter_summary& s, const std::string& id) {
    const auto it = std::find_if(s.site_rows.begin(), s.site_rows.end(),
                                 [&](const site_figures& r) { return r.target.id == id; });
    REQUIRE(it != s.site_rows.end());
    return *it;
}

std::string render(const quarter_summary& s,
                   void (*writer)(const quarter_summary&, std::ostream&)) {
    std::ostringstream out;
    writer(s, out);
    return out.str();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("a month's ranges and names: 2026-11, its 1st to the next 1st, December to January") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    const auto nov = resolve_month("2026-11", 0);
    REQUIRE(nov);
    CHECK(*nov == month{2026, 11});
    CHECK(range_of(*nov).from == *parse_local_date("2026-11-01"));
    CHECK(range_of(*nov).to == *parse_local_date("2026-12-01"));
    CHECK(range_of(month{2026, 12}).to == *parse_local_date("2027-01-01"));
    CHECK(previous_month({2027, 1}) == month{2026, 12});
    CHECK(name_of(month{2026, 3}) == "2026-03");
    CHECK(heading_of(month{2026, 3}) == "2026年3月");
    const std::int64_t nov_23 = test::day("2026-11-23");
    CHECK(*resolve_month("current", nov_23) == month{2026, 11});
    CHECK(*resolve_month("last", nov_23) == month{2026, 10});
    // Midnight of Dec 1 in Beijing is still Nov 30 in UTC: the zone decides.
    CHECK(*resolve_month("current", *parse_local_date("2026-12-01")) == month{2026, 12});
    for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", ""})
        CHECK_FALSE(resolve_month(bad, nov_23));
}

TEST_CASE("monthly self-check 2026-09: who was checked in the month, judged at Oct 1") {
    seeded_period p{september};
    const quarter_summary& s = p.summary;
    // Only s-prov was probed in September; s-city, s-county and s-low in August only.
    CHECK(s.sites.checked.whole == 5);
    CHECK(s.sites.checked.part == 1);
    CHECK(percent_text(s.sites.checked) == "20.00 %");
    CHECK(s.accounts.checked.part == 4); // the Sep 5 probes; a-douyin only in May
    // s-prov fails (home page stale since Sep 20, a veto).
    CHECK(s.sites.verdicts.passed == 0);
    CHECK(s.sites.verdicts.failed == 1);
    CHECK(percent_text(s.sites.verdicts.pass_rate()) == "0.00 %");
    // August, judged at Sep 1 00:00: s-city and s-county pass (the hidden link opens at noon
    // of Sep 1), s-low fails on its 50.5 points.
    CHECK(s.sites.previous.checked == 3);
    CHECK(s.sites.previous.passed == 2);
    CHECK(points_text(s.sites.change_points) == "-66.67 个百分点");
    // Accounts: a-weibo1 (dormant since Aug 10) and a-wechat1 fail in both months.
    CHECK(s.accounts.verdicts.checked == 4);
    CHECK(s.accounts.verdicts.passed == 2);
    CHECK(s.accounts.previous.checked == 4);
    CHECK(s.accounts.previous.passed == 2);
    CHECK(points_text(s.accounts.change_points) == "0.00 个百分点");
}

TEST_CASE("monthly self-check 2026-09: problems, failing lists, 复核 of August, per site") {
    seeded_period p{september};
    const quarter_summary& s = p.summary;
    CHECK(s.sites.problem_targets == 1);
    CHECK(s.sites.problem_types.size() == 2); // broken_link, homepage_stale
    CHECK(s.accounts.problem_targets == 3);
    REQUIRE(s.accounts.problem_types.size() == 2);
    CHECK(share_sentence(s.accounts.problem_types[0], "account") ==
          "3 个问题账号中，2 个内容不更新（两周无更新）（66.67 %）");
    REQUIRE(s.sites.failing.size() == 1);
    CHECK(s.sites.failing[0].target.id == "s-prov");
    CHECK(s.sites.failing[0].problems.size() == 2);
    CHECK(s.accounts.failing.size() == 2);
    // Open at Sep 1 00:00: s-prov's broken link, s-low's 17, s-quiet's broken link and the
    // accounts' a-weibo1, a-wechat1, a-wechat2, a-douyin; none fixed by Oct 1.
    CHECK(s.recheck.size() == 23);
    CHECK(s.recheck_fixed == 0);
    const site_figures& prov = site_row(s, "s-prov");
    CHECK(percent_text(prov.availability) == "90.00 %");
    REQUIRE(prov.newest_update);
    CHECK(*prov.newest_update == *parse_local_date("2026-09-25"));
    // Sep 25 00:00 to the last check of the month, Sep 28 noon.
    CHECK(*prov.longest_gap_seconds == 3 * 86400 + 12 * 3600);
    CHECK(score_text(prov.score_tenths) == "99.0");
    CHECK_FALSE(site_row(s, "s-low").checked);
}

TEST_CASE("monthly self-check 2026-09: the formats name the month and its end") {
    seeded_period p{september};
    const std::string md = render(p.summary, write_markdown_report);
    CHECK(md.find("# 2026年9月 政府网站与政务新媒体月度自查\n") == 0);
    CHECK(has(md, "检查期间：2026-09-01 至 2026-09-30；结论以月末（2026-10-01 00:00）为准"));
    CHECK(has(md, "| 政府网站 | 5 | 1 | 20.00 % | 0 | 1 | 0.00 % | 66.67 % | -66.67 个百分点 |"));
    CHECK(has(md, "| 政务新媒体 | 5 | 4 | 80.00 % | 2 | 2 | 50.00 % | 50.00 % | 0.00 个百分点 |"));
    CHECK(has(md, "## 五、2026年8月 问题复核"));
    CHECK(has(md, "2026年8月 月末未整改问题 23 项：已整改 0 项（0.00 %），仍未整改 23 项。"));
    CHECK(has(md,
              "| 省政府门户网站（s-prov） | 省级 | 90.00 % | 2026-09-25 | 3 天 | 1 | 0 | 99.0 | "
              "不合格 |"));
    CHECK_FALSE(has(md, "季度"));
    const std::string html = render(p.summary, write_html_report);
    CHECK(has(html, "<title>2026年9月 政府网站与政务新媒体月度自查</title>"));
    CHECK(has(html, "结论以月末（2026-10-01 00:00）为准"));
    CHECK_FALSE(has(html, "季度"));
    CHECK(has(render(p.summary, write_csv_report), "2026年8月 问题复核,"));
}

TEST_CASE("check window 2026-09-13..26: judged at Sep 27 00:00, against the two weeks before") {
    seeded_period p{check_window};
    const quarter_summary& s = p.summary;
    CHECK(s.sites.checked.part == 1);
    CHECK(s.accounts.checked.part == 0); // the accounts' probes were on Sep 5
    CHECK(s.sites.verdicts.failed == 1);
    CHECK(percent_text(s.accounts.verdicts.pass_rate()) == "—");
    // Aug 30..Sep 12: no site probed; the four accounts on Sep 5, two of them dormant.
    CHECK(s.sites.previous.checked == 0);
    CHECK_FALSE(s.sites.change_points);
    CHECK(s.accounts.previous.checked == 4);
    CHECK(s.accounts.previous.passed == 2);
    CHECK_FALSE(s.accounts.change_points);
    CHECK(s.accounts.problem_targets == 0);
    CHECK(s.accounts.failing.empty());
    // At Sep 13 the county's hidden link was resolved (reopened only on Sep 28).
    CHECK(s.recheck.size() == 23);
    CHECK(std::none_of(s.recheck.begin(), s.recheck.end(),
                       [](const recheck_item& r) { return r.target.id == "s-county"; }));
    const site_figures& prov = site_row(s, "s-prov");
    // Sep 19..26: 8 probes, the one of Sep 22 failed; Sep 27 and 28 fall outside.
    CHECK(prov.availability.part == 7);
    CHECK(prov.availability.whole == 8);
    CHECK(percent_text(prov.availability) == "87.50 %");
    CHECK(*prov.longest_gap_seconds == 86400 + 12 * 3600); // Sep 25 00:00 to Sep 26 noon
    const std::string md = render(s, write_markdown_report);
    CHECK(md.find("# 2026-09-13至2026-09-26 政府网站与政务新媒体检查通报\n") == 0);
    CHECK(has(md, "检查期间：2026-09-13 至 2026-09-26；结论以检查期末（2026-09-27 00:00）为准"));
    CHECK(has(md, "| 政府网站 | 5 | 1 | 20.00 % | 0 | 1 | 0.00 % | — | — |"));
    CHECK(has(md, "| 政务新媒体 | 5 | 0 | 0.00 % | 0 | 0 | — | 50.00 % | — |"));
    CHECK(has(md, "2026-08-30至2026-09-12 检查期末未整改问题 23 项"));
    CHECK(has(md, "| 87.50 % | 2026-09-25 | 1 天 | 1 | 0 | 99.0 | 不合格 |"));
}
