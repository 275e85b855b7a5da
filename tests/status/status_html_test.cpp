#include "daemon/common/html_text.hpp"
#include "daemon/status/status_html.hpp"
#include "tests/status/status_rows_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

namespace govmon {
namespace {

using test::hostile_name;
using test::open_finding;
using test::probe_of;
using test::site_target;

constexpr std::int64_t now = 1764720000; // 2025-12-03T00:00:00Z

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string page_of(const status_rows& rows, const std::map<std::string, std::string>& names = {},
                    status_scope scope = {}) {
    return write_status_html(build_status_model(rows, names, nullptr, scope, now),
                             zone_rules::utc());
}

status_rows hostile_rows() {
    status_rows rows;
    target_row t = site_target("evil\"<id>", "unit<i>", hostile_name);
    t.url = "javascript:alert(3)";
    rows.targets = {t, site_target("fine", "unit<i>")};
    finding veto = open_finding(t.id, t.unit, finding_kind::site_unreachable,
                                finding_severity::veto, "失败：" + hostile_name);
    veto.url = "https://www.example.gov.cn/\"><script>alert(4)</script>";
    rows.findings = {veto};
    rows.probes = {probe_of(t.id, "availability", now - 60, false)};
    return rows;
}

TEST_CASE("the status page renders a hostile name, id, unit, detail and url inert") {
    const std::string html = page_of(hostile_rows(), {{"unit<i>", hostile_name}});
    const std::string l = lower(html);
    CHECK(l.find("<script") == std::string::npos);
    CHECK(l.find("<img") == std::string::npos);
    CHECK(l.find("<b>") == std::string::npos);
    CHECK(l.find("<i>") == std::string::npos);
    CHECK(l.find("<id>") == std::string::npos);
    CHECK(l.find("href=\"javascript:") == std::string::npos);
    // Shown, as text.
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("javascript:alert(3)") != std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(4)&lt;/script&gt;") != std::string::npos);
    // Links to a target or unit carry the id percent-encoded, never raw.
    CHECK(html.find("href=\"/target/evil%22%3Cid%3E\"") != std::string::npos);
    CHECK(html.find("href=\"/unit/unit%3Ci%3E\"") != std::string::npos);
    // No raw CR or LF inside any tag's attributes (what the page writes between tags is
    // markup of its own).
    for (std::size_t open = html.find('<'); open != std::string::npos;
         open = html.find('<', open + 1)) {
        const std::size_t close = html.find('>', open);
        REQUIRE(close != std::string::npos);
        CHECK(html.substr(open, close - open).find('\r') == std::string::npos);
    }
}

TEST_CASE("the status page shows the red list before the targets, with the kind's label") {
    status_rows rows;
    rows.targets = {site_target("a-portal", "county-a", "甲县人民政府"),
                    site_target("b-portal", "county-b", "乙县人民政府")};
    rows.findings = {open_finding("a-portal", "county-a", finding_kind::site_unreachable,
                                  finding_severity::veto, "连续 6 次探测失败"),
                     open_finding("b-portal", "county-b", finding_kind::broken_link,
                                  finding_severity::deduct,
                                  "首页链接 https://www.example.gov.cn/x.html 返回 HTTP 404")};
    const std::string html = page_of(rows, {{"county-a", "甲县政府办"}});
    const std::size_t red = html.find("id=\"red-list\"");
    const std::size_t targets = html.find("id=\"targets\"");
    REQUIRE(red != std::string::npos);
    REQUIRE(targets != std::string::npos);
    CHECK(red < targets);
    const std::size_t veto = html.find("连续 6 次探测失败", red);
    CHECK(veto < targets);
    CHECK(html.find(escape_html(info_of(finding_kind::site_unreachable).label), red) < targets);
    CHECK(html.find("甲县政府办", red) < targets);
    // The deduction is not on the red list but under its target, with its evidence and date.
    CHECK(html.find("返回 HTTP 404") > targets);
    CHECK(html.find(escape_html(info_of(finding_kind::broken_link).label), targets) !=
          std::string::npos);
    CHECK(html.find("2025-12-01 00:00") != std::string::npos);
}

TEST_CASE("the status page shows a target's last probes and its freshness history") {
    status_rows rows;
    rows.targets = {site_target("a-portal", "county-a")};
    rows.probes = {probe_of("a-portal", "availability", now - 60, false),
                   probe_of("a-portal", "crawl", now - 3600, true, now - 86400),
                   probe_of("a-portal", "crawl", now - 90000, true, now - 3 * 86400)};
    const std::string html = page_of(rows);
    CHECK(html.find("timeout") != std::string::npos);
    CHECK(html.find("30.0 s") != std::string::npos);
    CHECK(html.find("2025-12-02 23:59") != std::string::npos); // the failed probe's time
    CHECK(html.find("2025-12-02 ← 2025-11-30") != std::string::npos);
    CHECK(html.find("没有单项否决或逾期未整改的问题") != std::string::npos);
}

TEST_CASE("the status page of one target lists every probe it read") {
    status_rows rows;
    rows.targets = {site_target("a-portal", "county-a")};
    for (int i = 0; i < 5; ++i)
        rows.probes.push_back(probe_of("a-portal", "availability", now - 300 * (i + 1), i != 2));
    const std::string all = page_of(rows);
    const std::string one = page_of(rows, {}, {status_scope::level::target, "a-portal"});
    const auto rows_of = [](const std::string& html) {
        std::size_t n = 0;
        for (std::size_t at = html.find("<td>首页可用性</td>"); at != std::string::npos;
             at = html.find("<td>首页可用性</td>", at + 1))
            ++n;
        return n;
    };
    CHECK(rows_of(all) == 1);
    CHECK(rows_of(one) == 5);
    CHECK(one.find("href=\"/\"") != std::string::npos);
}

TEST_CASE("the status page needs nothing from elsewhere") {
    const std::string l = lower(page_of(hostile_rows()));
    CHECK(l.find("<link") == std::string::npos);
    CHECK(l.find("src=\"http") == std::string::npos);
    CHECK(l.find("@import") == std::string::npos);
    CHECK(l.find("<style>") != std::string::npos);
}

// The table row that holds `text`, searched from `from` on.
std::string row_with(const std::string& html, const std::string& text, std::size_t from) {
    const std::size_t at = html.find(text, from);
    REQUIRE(at != std::string::npos);
    const std::size_t start = html.rfind("<tr", at);
    const std::size_t end = html.find("</tr>", at);
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    return html.substr(start, end - start);
}

TEST_CASE("the status page shows each 整改期限 and puts overdue findings on the red list") {
    const auto plan = test::seed_deadlines();
    const std::string html = write_status_html(
        build_status_model(test::deadline_rows(), {}, plan.get(), {}, now), zone_rules::utc());
    const std::size_t red = html.find("id=\"red-list\"");
    const std::size_t targets = html.find("id=\"targets\"");
    REQUIRE(red < targets);
    CHECK(html.find("<h2>单项否决与逾期清单（2）</h2>") != std::string::npos);
    CHECK(html.find("<th>整改期限</th>") != std::string::npos);

    // The overdue deduction: on the red list and under its target, 已逾期 in both.
    const std::string late = row_with(html, "返回 HTTP 404", red);
    CHECK(html.find("返回 HTTP 404", red) < targets);
    CHECK(late.find("2025-11-15 00:00<br><span class=\"fail\">已逾期</span>") != std::string::npos);
    const std::string late_under_target = row_with(html, "返回 HTTP 404", targets);
    CHECK(late_under_target.find("<tr class=\"veto\">") == 0);
    CHECK(late_under_target.find("已逾期") != std::string::npos);

    // The veto is on the red list, not yet due.
    const std::string veto = row_with(html, "七天内失败比例", red);
    CHECK(html.find("七天内失败比例", red) < targets);
    CHECK(veto.find("2025-12-08 00:00") != std::string::npos);
    CHECK(veto.find("已逾期") == std::string::npos);

    // The deduction not yet due only under its target, with its date.
    CHECK(html.find("通知公告", red) > targets);
    const std::string fresh = row_with(html, "通知公告", targets);
    CHECK(fresh.find("<tr>") == 0);
    CHECK(fresh.find("2025-12-16 00:00") != std::string::npos);
    CHECK(fresh.find("已逾期") == std::string::npos);

    // The warning has no deadline.
    const std::string warning = row_with(html, "证书 2025-12-20 到期", targets);
    CHECK(warning.find("<td class=\"t\">—</td>") != std::string::npos);
    CHECK(warning.find("已逾期") == std::string::npos);
}

TEST_CASE("the not-found page escapes the id it names") {
    const std::string html = write_not_found_html({status_scope::level::unit, "<script>x"});
    CHECK(html.find("<script>x") == std::string::npos);
    CHECK(html.find("&lt;script&gt;x") != std::string::npos);
}

TEST_CASE("status paths percent-encode every byte but the unreserved ones") {
    CHECK(status_path(status_scope::level::target, "hb-portal_1.x~") == "/target/hb-portal_1.x~");
    CHECK(status_path(status_scope::level::unit, "县 a/b") == "/unit/%E5%8E%BF%20a%2Fb");
}

} // namespace
} // namespace govmon
