// The quarterly report of a seeded database, figure by figure: the model first, then what each
// format prints of it.

#include "daemon/common/quarter.hpp"
#include "daemon/report/quarter_summary.hpp"
#include "daemon/report/report_text.hpp"
#include "daemon/report/report_writers.hpp"
#include "daemon/store/report_queries.hpp"
#include "tests/report/report_seed.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <sstream>

using namespace govmon;

namespace {

report_context context_for(quarter q) {
    report_context c;
    c.quarter_name = name_of(q);
    c.previous_name = name_of(previous_quarter(q));
    c.quarter = range_of(q);
    c.previous = range_of(previous_quarter(q));
    c.generated_at = test::day("2026-11-23");
    c.site_levels = {{"s-prov", "省级"},
                     {"s-city", "市级"},
                     {"s-quiet", "市级"},
                     {"s-county", "县级"},
                     {"s-low", "县级"}};
    c.unit_names = {{"u-prov", "省政府办公厅"}, {"u-county", "县政府办公室"}};
    return c;
}

// The 2026Q3 summary of the seeded province, read back through the store.
struct seeded_report {
    seeded_report() {
        REQUIRE(set_default_time_zone("Asia/Shanghai"));
        test::province_seed seed{dir.file("govmon.db")};
        seed.targets();
        seed.observations();
        seed.findings();
        const report_context context = context_for({2026, 3});
        summary = summarize_quarter(
            read_report_rows(dir.file("govmon.db"), context.quarter, context.previous), context);
    }

    test::temp_dir dir;
    quarter_summary summary;
};

const failing_target* failing(const side_summary& side, const std::string& id) {
    for (const failing_target& f : side.failing)
        if (f.target.id == id)
            return &f;
    return nullptr;
}

const site_figures& site_row(const quarter_summary& s, const std::string& id) {
    const auto it = std::find_if(s.site_rows.begin(), s.site_rows.end(),
                                 [&](const site_figures& r) { return r.target.id == id; });
    REQUIRE(it != s.site_rows.end());
    return *it;
}

std::int64_t share_of(const side_summary& side, const std::string& kind) {
    for (const problem_share& p : side.problem_types)
        if (p.kind == kind)
            return p.share.part;
    return 0;
}

std::string render(const quarter_summary& s,
                   void (*writer)(const quarter_summary&, std::ostream&)) {
    std::ostringstream out;
    writer(s, out);
    return out.str();
}

void count_error(void* errors, xmlErrorPtr) {
    ++*static_cast<int*>(errors);
}

// Errors and warnings libxml2's HTML parser reports for the page.
int html_problems(const std::string& html) {
    int problems = 0;
    xmlSetStructuredErrorFunc(&problems, count_error);
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                    HTML_PARSE_NONET);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc)
        return problems + 1;
    xmlFreeDoc(doc);
    return problems;
}

} // namespace

TEST_CASE("population and check ratio: active targets, and who was probed in the quarter") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    // Five sites; s-quiet's only probe came after the quarter.
    CHECK(s.sites.checked.whole == 5);
    CHECK(s.sites.checked.part == 4);
    CHECK(percent_text(s.sites.checked) == "80.00 %");
    // The closed account is neither active nor probed: not in the population.
    CHECK(s.accounts.checked.whole == 5);
    CHECK(s.accounts.checked.part == 4);

    REQUIRE(s.sites.groups.size() == 3);
    CHECK(s.sites.groups[0].name == "省级");
    CHECK(s.sites.groups[0].population == 1);
    CHECK(s.sites.groups[1].name == "市级");
    CHECK(s.sites.groups[1].population == 2);
    CHECK(s.sites.groups[1].verdicts.checked == 1);
    CHECK(s.sites.groups[1].verdicts.passed == 1);
    CHECK(s.sites.groups[2].name == "县级");
    CHECK(s.sites.groups[2].verdicts.failed == 2);
    REQUIRE(s.accounts.groups.size() == 3);
    CHECK(s.accounts.groups[0].name == "weibo");
    CHECK(s.accounts.groups[0].population == 2);
    CHECK(s.accounts.groups[1].name == "wechat");
    CHECK(s.accounts.groups[2].name == "douyin");
    CHECK(s.accounts.groups[2].verdicts.checked == 0);
}

TEST_CASE("合格率 at the quarter's end and 环比 against the previous quarter") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    // Sites: s-prov (veto since Sep 20), s-county (hidden link reopened Sep 28) and s-low
    // (score 50.5) fail; s-city passes (its stale home page becomes a veto only in October).
    CHECK(s.sites.verdicts.checked == 4);
    CHECK(s.sites.verdicts.passed == 1);
    CHECK(s.sites.verdicts.failed == 3);
    CHECK(percent_text(s.sites.verdicts.pass_rate()) == "25.00 %");
    // 2026Q2: only s-city (unreachable) failed; s-prov's stale home page was a warning then.
    CHECK(s.sites.previous.checked == 5);
    CHECK(s.sites.previous.passed == 4);
    CHECK(percent_text(s.sites.previous.pass_rate()) == "80.00 %");
    REQUIRE(s.sites.change_points);
    CHECK(*s.sites.change_points == doctest::Approx(-55.0));
    CHECK(points_text(s.sites.change_points) == "-55.00 个百分点");

    // Accounts: a-weibo1 and a-wechat1 are dormant (veto); a-wechat2's ad link only deducts.
    CHECK(s.accounts.verdicts.checked == 4);
    CHECK(s.accounts.verdicts.passed == 2);
    CHECK(percent_text(s.accounts.verdicts.pass_rate()) == "50.00 %");
    // 2026Q2: a-wechat1 and a-douyin were dormant; a-weibo2 was back before the end.
    CHECK(s.accounts.previous.checked == 5);
    CHECK(s.accounts.previous.passed == 3);
    CHECK(points_text(s.accounts.change_points) == "-10.00 个百分点");
}

TEST_CASE("problem types: targets with a veto or deduct finding, warnings left out") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    CHECK(s.sites.problem_targets == 3);
    REQUIRE(!s.sites.problem_types.empty());
    CHECK(s.sites.problem_types.front().kind == "broken_link");
    CHECK(share_of(s.sites, "broken_link") == 2);
    CHECK(percent_text(s.sites.problem_types.front().share) == "66.67 %");
    CHECK(share_of(s.sites, "hidden_link") == 1);
    CHECK(share_of(s.sites, "homepage_stale") == 1);
    CHECK(share_of(s.sites, "tls_invalid") == 0); // a warning
    CHECK(s.sites.problem_types.size() == 8);

    CHECK(s.accounts.problem_targets == 3);
    REQUIRE(s.accounts.problem_types.size() == 2);
    CHECK(s.accounts.problem_types[0].kind == "account_dormant");
    CHECK(share_sentence(s.accounts.problem_types[0], "account") ==
          "3 个问题账号中，2 个内容不更新（两周无更新）（66.67 %）");
    CHECK(s.accounts.problem_types[1].kind == "ad_link");
    CHECK(percent_text(s.accounts.problem_types[1].share) == "33.33 %");
}

TEST_CASE("failing lists carry each problem with its evidence and dates") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    REQUIRE(s.sites.failing.size() == 3);
    const failing_target* prov = failing(s.sites, "s-prov");
    REQUIRE(prov);
    CHECK(prov->vetoed);
    CHECK(prov->target.unit == "省政府办公厅");
    REQUIRE(prov->problems.size() == 2);
    CHECK(prov->problems[0].kind == "homepage_stale"); // vetoes first
    CHECK(prov->problems[0].severity == "veto");
    CHECK(prov->problems[0].since == test::day("2026-06-20"));
    CHECK(prov->problems[0].severity_since == test::day("2026-09-20"));
    CHECK(prov->problems[1].url == "https://www.prov.gov.cn/gone.html");
    REQUIRE(prov->score_tenths);
    CHECK(*prov->score_tenths == 990);

    const failing_target* county = failing(s.sites, "s-county");
    REQUIRE(county);
    REQUIRE(county->problems.size() == 1);
    CHECK(county->problems[0].since == test::day("2026-09-28")); // the reopening

    const failing_target* low = failing(s.sites, "s-low");
    REQUIRE(low);
    CHECK_FALSE(low->vetoed);
    CHECK(low->problems.size() == 17);
    CHECK(*low->score_tenths == 505);

    REQUIRE(s.accounts.failing.size() == 2);
    const failing_target* weibo = failing(s.accounts, "a-weibo1");
    REQUIRE(weibo);
    REQUIRE(weibo->problems.size() == 1); // the account_stale warning is not listed
    CHECK(weibo->problems[0].kind == "account_dormant");
    CHECK(weibo->target.group == "weibo");
    CHECK(failing(s.accounts, "a-wechat2") == nullptr);
}

TEST_CASE("复核: last quarter's problems, fixed or still open") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    REQUIRE(s.recheck.size() == 5);
    CHECK(s.recheck_fixed == 1);
    CHECK(s.recheck[0].target.id == "a-douyin");
    CHECK(s.recheck[1].target.id == "a-wechat1");
    CHECK(s.recheck[2].target.id == "s-city");
    CHECK(s.recheck[2].was.kind == "site_unreachable");
    CHECK(s.recheck[2].fixed);
    REQUIRE(s.recheck[2].fixed_at);
    CHECK(*s.recheck[2].fixed_at == test::day("2026-07-15"));
    CHECK(s.recheck[3].target.id == "s-prov");
    CHECK(s.recheck[3].was.kind == "broken_link");
    CHECK_FALSE(s.recheck[3].fixed);
    // Stored without events: open from first_seen, still open.
    CHECK(s.recheck[4].target.id == "s-quiet");
    CHECK(s.recheck[4].was.since == test::day("2026-05-05"));
    CHECK_FALSE(s.recheck[4].fixed);
}

TEST_CASE("per site: availability, newest update, longest gap, broken links, score") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    REQUIRE(s.site_rows.size() == 5);
    const site_figures& prov = site_row(s, "s-prov");
    CHECK(prov.availability.part == 9);
    CHECK(prov.availability.whole == 10);
    CHECK(percent_text(prov.availability) == "90.00 %");
    REQUIRE(prov.newest_update);
    CHECK(*prov.newest_update == *parse_local_date("2026-09-25"));
    REQUIRE(prov.longest_gap_seconds);
    CHECK(*prov.longest_gap_seconds == 67 * 86400); // Jul 20 to Sep 25
    CHECK(prov.broken_home == 1);
    CHECK(prov.broken_elsewhere == 0);
    CHECK(score_text(prov.score_tenths) == "99.0");

    const site_figures& county = site_row(s, "s-county");
    CHECK(percent_text(county.availability) == "50.00 %");
    CHECK_FALSE(county.newest_update);
    CHECK_FALSE(county.passed);

    const site_figures& low = site_row(s, "s-low");
    CHECK(low.broken_elsewhere == 5);
    CHECK(score_text(low.score_tenths) == "50.5");

    const site_figures& quiet = site_row(s, "s-quiet");
    CHECK_FALSE(quiet.checked);
    CHECK(percent_text(quiet.availability) == "—");
}

TEST_CASE("the HTML check itself sees broken markup") {
    CHECK(html_problems("<!DOCTYPE html><html><body><p>a</b><section>x</section></body></html>") >
          0);
    CHECK(html_problems("<!DOCTYPE html><html><head><title>t</title></head><body><p>a</p>"
                        "</body></html>") == 0);
}

TEST_CASE("the HTML page parses cleanly, escapes what it prints and shows the figures") {
    seeded_report r;
    const std::string html = render(r.summary, write_html_report);
    CHECK(html_problems(html) == 0);
    CHECK(html.find("<!DOCTYPE html>") == 0);
    CHECK(html.find("25.00 %") != std::string::npos);
    CHECK(html.find("-55.00 个百分点") != std::string::npos);
    CHECK(html.find("3 个问题账号中，2 个内容不更新（两周无更新）（66.67 %）") !=
          std::string::npos);
    CHECK(html.find("县政府&lt;网站&gt; &amp; &quot;门户&quot;") != std::string::npos);
    CHECK(html.find("<网站>") == std::string::npos);
    CHECK(html.find("display:none &lt;a&gt; \xEF\xBF\xBD") != std::string::npos);
    CHECK(html.find("data:image/svg+xml;base64,") != std::string::npos);
    CHECK(html.find("@page") != std::string::npos);
    CHECK(html.find("Noto Sans CJK SC") != std::string::npos);
    CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
    // Self-contained: nothing is fetched when the page opens.
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("已整改 1 项（20.00 %）") != std::string::npos);
    CHECK(html.find("结论以季度末（2026-10-01 00:00）为准") != std::string::npos);
}

TEST_CASE("the Markdown tables carry the same figures, with text escaped") {
    seeded_report r;
    const std::string md = render(r.summary, write_markdown_report);
    CHECK(md.find("# 2026Q3 政府网站与政务新媒体季度检查通报") == 0);
    CHECK(md.find("| 政府网站 | 5 | 4 | 80.00 % | 1 | 3 | 25.00 % | 80.00 % | -55.00 个百分点 |") !=
          std::string::npos);
    CHECK(
        md.find("| 政务新媒体 | 5 | 4 | 80.00 % | 2 | 2 | 50.00 % | 60.00 % | -10.00 个百分点 |") !=
        std::string::npos);
    CHECK(md.find("- 3 个问题网站中，2 个链接不可用（66.67 %）") != std::string::npos);
    CHECK(md.find("低分县网站\\|试点") != std::string::npos);
    CHECK(md.find("县政府\\<网站\\> \\& \"门户\"") != std::string::npos);
    CHECK(
        md.find("| 省政府门户网站（s-prov） | 省级 | 90.00 % | 2026-09-25 | 67 天 | 1 | 0 | 99.0 | "
                "不合格 |") != std::string::npos);
    CHECK(md.find("已整改 1 项（20.00 %），仍未整改 4 项") != std::string::npos);
}

TEST_CASE("the CSV lists every problem of the failing targets and the re-check, for Excel") {
    seeded_report r;
    const std::string csv = render(r.summary, write_csv_report);
    REQUIRE(csv.rfind("\xEF\xBB\xBF清单,对象类型,编号,", 0) == 0);
    std::size_t lines = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++lines;
    CHECK(lines == 1 + 20 + 2 + 5 + 5);
    CHECK(csv.find(
              "不合格政府网站,网站,s-county,\"县政府<网站> & \"\"门户\"\"\",县政府办公室,县级,") !=
          std::string::npos);
    CHECK(csv.find(",50.5,,,\r\n") != std::string::npos);
    CHECK(csv.find("2026Q2 问题复核,网站,s-city,") != std::string::npos);
    CHECK(csv.find(",已整改,2026-07-15 12:00,\r\n") != std::string::npos);
    CHECK(csv.find(",仍未整改,,\r\n") != std::string::npos);
    CHECK(csv.find("多次被通报,网站,s-county,\"县政府<网站> & \"\"门户\"\"\",县政府办公室,县级,") !=
          std::string::npos);
    CHECK(csv.find(",本季度整改后复发 1 次,,\r\n") != std::string::npos);
}

TEST_CASE("多次被通报: the same kind at both quarters' ends, or reopened in the quarter") {
    seeded_report r;
    const quarter_summary& s = r.summary;
    REQUIRE(s.repeats.size() == 5);
    CHECK(s.repeat_targets == 5);
    std::vector<std::string> named;
    for (const repeat_offence& o : s.repeats)
        named.push_back(o.target.id + " " + std::string(name_of(o.kind)) + " " +
                        (o.previous_quarter ? "previous" : "-") + " " + std::to_string(o.reopened));
    CHECK(named == std::vector<std::string>{
                       "a-douyin account_dormant previous 0",
                       "a-wechat1 account_dormant previous 0", "s-county hidden_link - 1",
                       "s-prov broken_link previous 0", "s-quiet broken_link previous 0"});
    CHECK(repeat_text(s.repeats[0], s.context) == "2026Q2 季度末亦存在");
    CHECK(repeat_text(s.repeats[2], s.context) == "本季度整改后复发 1 次");
    const std::string md = render(s, write_markdown_report);
    CHECK(md.find("同类问题连续两个季度末存在或本季度整改后复发的对象 5 个。") !=
          std::string::npos);
    CHECK(md.find("| 省政府门户网站（s-prov） | 省政府办公厅 | ") != std::string::npos);
}

TEST_CASE("整改期限: each problem's deadline from the rules, counted from its severity") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    test::temp_dir dir;
    test::province_seed seed{dir.file("govmon.db")};
    seed.targets();
    seed.observations();
    seed.findings();
    report_context context = context_for({2026, 3});
    context.rectification =
        std::make_shared<const rectification_plan>(config{}, default_time_zone());
    const quarter_summary s = summarize_quarter(
        read_report_rows(dir.file("govmon.db"), context.quarter, context.previous), context);
    const failing_target* prov = failing(s.sites, "s-prov");
    REQUIRE(prov);
    // The veto since 2026-09-20 12:00 has a week, to 2026-09-27 12:00.
    REQUIRE(prov->problems[0].due);
    CHECK(*prov->problems[0].due == test::day("2026-09-27"));
    CHECK(due_text(prov->problems[0]) == "2026-09-27");
    // A deduction has 10 working days after the day it took its severity.
    REQUIRE(prov->problems[1].due);
    CHECK(*prov->problems[1].due == due_after(prov->problems[1].severity_since,
                                              default_deadline(finding_severity::deduct),
                                              china_work_calendar(), *default_time_zone()));
    const failing_target* county = failing(s.sites, "s-county");
    REQUIRE(county);
    CHECK(due_text(county->problems[0]) == "2026-10-05"); // reopened 2026-09-28, a veto
    const std::string md = render(s, write_markdown_report);
    CHECK(md.find("| 问题 | 性质 | 链接 | 证据 | 发现时间 | 整改期限 |") != std::string::npos);
    CHECK(md.find(" | 2026-09-27 |") != std::string::npos);
    const std::string csv = render(s, write_csv_report);
    CHECK(csv.find(",整改时间,整改期限\r\n") != std::string::npos);
}
