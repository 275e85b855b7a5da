#include "daemon/status/status_model.hpp"
#include "tests/status/status_rows_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace govmon {
namespace {

using test::open_finding;
using test::probe_of;
using test::site_target;

constexpr std::int64_t now = 1764720000; // 2025-12-03T00:00:00Z

status_rows two_units() {
    status_rows rows;
    rows.targets = {site_target("a-portal", "county-a", "甲县人民政府"),
                    site_target("b-portal", "county-b", "乙县人民政府"),
                    site_target("b-news", "county-b", "乙县新闻网")};
    rows.findings = {
        open_finding("a-portal", "county-a", finding_kind::broken_link, finding_severity::deduct,
                     "HTTP 404"),
        open_finding("a-portal", "county-a", finding_kind::site_unreachable, finding_severity::veto,
                     "连续 6 次探测失败"),
        open_finding("b-news", "county-b", finding_kind::homepage_stale, finding_severity::veto,
                     "首页最新信息 2025-11-01"),
        open_finding("gone", "county-b", finding_kind::site_unreachable, finding_severity::veto,
                     "a target that left the config"),
    };
    // Newest first per target and probe, as the store reads them.
    rows.probes = {probe_of("a-portal", "availability", now - 60, false),
                   probe_of("a-portal", "availability", now - 360, true, now - 86400),
                   probe_of("a-portal", "crawl", now - 3600, true, now - 86400),
                   probe_of("a-portal", "crawl", now - 90000, true, now - 2 * 86400)};
    return rows;
}

TEST_CASE("the status model puts vetoes on the red list, grouped by unit") {
    const status_model m =
        build_status_model(two_units(), {{"county-a", "甲县政府办"}}, nullptr, {}, now);
    REQUIRE(m.red_list.size() == 2);
    CHECK(m.red_list[0].unit == "county-a");
    CHECK(m.red_list[0].kind == finding_kind::site_unreachable);
    CHECK(m.red_list[0].target_name == "甲县人民政府");
    CHECK(m.red_list[1].unit == "county-b");
    CHECK(m.red_list[1].target == "b-news");
    CHECK(m.open_findings == 3);
    CHECK(m.targets == 3);
    CHECK(m.generated_at == now);
}

TEST_CASE("the status model lists each unit's targets with vetoes first and unit names") {
    const status_model m =
        build_status_model(two_units(), {{"county-a", "甲县政府办"}}, nullptr, {}, now);
    REQUIRE(m.units.size() == 2);
    CHECK(m.units[0].name == "甲县政府办");
    CHECK(m.units[1].name == "county-b"); // no name configured: the id
    REQUIRE(m.units[0].targets.size() == 1);
    const target_view& a = m.units[0].targets[0];
    REQUIRE(a.findings.size() == 2);
    CHECK(a.findings[0].severity == finding_severity::veto);
    CHECK(a.findings[1].kind == finding_kind::broken_link);
    CHECK(a.findings[1].detail == "HTTP 404");
    REQUIRE(m.units[1].targets.size() == 2);
    CHECK(m.units[1].targets[0].id == "b-news");
    CHECK(m.units[1].targets[1].findings.empty());
}

TEST_CASE("the status model keeps the newest probe of each kind and the whole history") {
    const status_model m = build_status_model(two_units(), {}, nullptr, {}, now);
    const target_view& a = m.units[0].targets[0];
    REQUIRE(a.latest.size() == 2);
    CHECK(a.latest[0].probe == "availability");
    CHECK(a.latest[0].time == now - 60);
    CHECK_FALSE(a.latest[0].ok);
    CHECK(a.latest[0].error == "timeout");
    CHECK(a.latest[0].duration_ms == 30000);
    CHECK(a.latest[1].probe == "crawl");
    CHECK(a.latest[1].newest_item == now - 86400);
    CHECK(a.history.size() == 4);
    CHECK(m.units[1].targets[0].latest.empty());
}

TEST_CASE("the status model of a unit or a target holds only that one") {
    const status_model unit =
        build_status_model(two_units(), {}, nullptr, {status_scope::level::unit, "county-b"}, now);
    CHECK(unit.found);
    REQUIRE(unit.units.size() == 1);
    CHECK(unit.units[0].targets.size() == 2);
    REQUIRE(unit.red_list.size() == 1);
    CHECK(unit.red_list[0].target == "b-news");

    const status_model target = build_status_model(two_units(), {}, nullptr,
                                                   {status_scope::level::target, "a-portal"}, now);
    REQUIRE(target.units.size() == 1);
    REQUIRE(target.units[0].targets.size() == 1);
    CHECK(target.units[0].targets[0].id == "a-portal");
    CHECK(target.open_findings == 2);

    CHECK_FALSE(
        build_status_model(two_units(), {}, nullptr, {status_scope::level::unit, "nowhere"}, now)
            .found);
    CHECK_FALSE(
        build_status_model(two_units(), {}, nullptr, {status_scope::level::target, "gone"}, now)
            .found);
}

TEST_CASE("the status model of an empty database is found and empty") {
    const status_model m = build_status_model({}, {}, nullptr, {}, now);
    CHECK(m.found);
    CHECK(m.units.empty());
    CHECK(m.red_list.empty());
}

const finding_view& view_of(const status_model& m, finding_kind kind) {
    const std::vector<finding_view>& findings = m.units.at(0).targets.at(0).findings;
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const finding_view& f) { return f.kind == kind; });
    REQUIRE(it != findings.end());
    return *it;
}

TEST_CASE("a finding past its due date is on the red list and marked overdue") {
    const auto plan = test::seed_deadlines();
    const status_model m = build_status_model(test::deadline_rows(), {}, plan.get(), {}, now);
    const finding_view& late = view_of(m, finding_kind::broken_link);
    CHECK(late.due == 1763164800); // 2025-11-15T00:00:00Z
    CHECK(late.overdue);
    CHECK(on_red_list(late));
    // Within a target the vetoes come first, as under the target.
    REQUIRE(m.red_list.size() == 2);
    CHECK(m.red_list[0].kind == finding_kind::site_unreachable);
    CHECK(m.red_list[1].kind == finding_kind::broken_link);
}

TEST_CASE("a finding not yet due shows its due date; a warning has none") {
    const auto plan = test::seed_deadlines();
    const status_model m = build_status_model(test::deadline_rows(), {}, plan.get(), {}, now);
    const finding_view& fresh = view_of(m, finding_kind::column_stale);
    CHECK(fresh.due == 1765843200); // 2025-12-16T00:00:00Z
    CHECK_FALSE(fresh.overdue);
    CHECK_FALSE(on_red_list(fresh));
    // Counted from when it became a veto, not from its first sight as a warning.
    const finding_view& veto = view_of(m, finding_kind::site_unreachable);
    CHECK(veto.due == 1765152000); // 2025-12-08T00:00:00Z
    CHECK_FALSE(veto.overdue);
    CHECK(on_red_list(veto));
    const finding_view& warning = view_of(m, finding_kind::tls_invalid);
    CHECK_FALSE(warning.due);
    CHECK_FALSE(warning.overdue);
}

TEST_CASE("a deadline ends at its due time: overdue from that second on") {
    const auto plan = test::seed_deadlines();
    const status_rows rows = test::deadline_rows();
    const std::int64_t due = 1765843200;
    CHECK_FALSE(
        view_of(build_status_model(rows, {}, plan.get(), {}, due - 1), finding_kind::column_stale)
            .overdue);
    CHECK(view_of(build_status_model(rows, {}, plan.get(), {}, due), finding_kind::column_stale)
              .overdue);
}

TEST_CASE("without a rectification plan the page shows no due dates") {
    const status_model m = build_status_model(test::deadline_rows(), {}, nullptr, {}, now);
    CHECK_FALSE(view_of(m, finding_kind::broken_link).due);
    REQUIRE(m.red_list.size() == 1);
    CHECK(m.red_list[0].kind == finding_kind::site_unreachable);
}

} // namespace
} // namespace govmon
