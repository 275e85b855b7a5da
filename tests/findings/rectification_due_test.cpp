#include "daemon/common/time_zone.hpp"
#include "daemon/findings/rectification_due.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using measure = rectification_deadline::measure;

namespace {

const zone_rules& shanghai() {
    static const auto zone = load_time_zone("Asia/Shanghai");
    return *zone;
}

// A Beijing wall-clock time.
std::int64_t at(const char* day, int hour = 0, int minute = 0) {
    return *parse_local_date(day, shanghai()) + hour * 3600 + minute * 60;
}

std::string shown(std::int64_t t) {
    return format_iso8601(t, shanghai());
}

rectification_deadline working_days(int n) {
    return {measure::working_days, n, duration{0}};
}

finding a_finding(finding_kind kind, finding_severity severity, std::string target = "s1") {
    finding f;
    f.target = std::move(target);
    f.unit = "u1";
    f.kind = kind;
    f.severity = severity;
    return f;
}

} // namespace

TEST_CASE("当天 ends at the next Beijing midnight, however late the finding came") {
    const work_calendar c = china_work_calendar();
    CHECK(shown(due_after(at("2026-11-20", 23, 50), {}, c, shanghai())) ==
          "2026-11-21T00:00:00+08:00");
    CHECK(shown(due_after(at("2026-11-20", 0, 0), {}, c, shanghai())) ==
          "2026-11-21T00:00:00+08:00");
}

TEST_CASE("a calendar span is added as it is, holidays or not") {
    const work_calendar c = china_work_calendar();
    const rectification_deadline week{measure::span, 0, std::chrono::hours(24 * 7)};
    CHECK(shown(due_after(at("2026-09-30", 10), week, c, shanghai())) ==
          "2026-10-07T10:00:00+08:00");
}

TEST_CASE("10 working days across 国庆 count the make-up Saturday and skip the holiday week") {
    const work_calendar c = china_work_calendar();
    // Oct 1–7 off; 8, 9, 10 (Saturday, 调休上班), 12–16, 19, 20.
    CHECK(shown(due_after(at("2026-09-30", 10), working_days(10), c, shanghai())) ==
          "2026-10-21T00:00:00+08:00");
    // Found on Friday Sept 18: the next working day is Sunday Sept 20 (调休上班).
    CHECK(shown(due_after(at("2026-09-18", 16), working_days(1), c, shanghai())) ==
          "2026-09-21T00:00:00+08:00");
}

TEST_CASE("10 working days across 春节 2026") {
    const work_calendar c = china_work_calendar();
    // Feb 14 (Saturday, 上班), 15–23 off, 24–27, 28 (Saturday, 上班), Mar 2–5.
    CHECK(shown(due_after(at("2026-02-13", 9), working_days(10), c, shanghai())) ==
          "2026-03-06T00:00:00+08:00");
}

TEST_CASE("working days from a weekend start on Monday") {
    const work_calendar c = china_work_calendar();
    CHECK(shown(due_after(at("2026-11-21", 12), working_days(1), c, shanghai())) ==
          "2026-11-24T00:00:00+08:00");
}

TEST_CASE("a configured holiday moves the deadline") {
    config cfg;
    cfg.rectification.rules.push_back(
        {std::nullopt, finding_severity::deduct, "", "", working_days(1), {}});
    const auto zone = load_time_zone("Asia/Shanghai");
    const finding f = a_finding(finding_kind::broken_link, finding_severity::deduct);
    CHECK(shown(*rectification_plan(cfg, zone).due_of(f, at("2027-02-08", 9))) ==
          "2027-02-10T00:00:00+08:00");
    cfg.rectification.holidays.push_back(day_number(2027, 2, 9));
    CHECK(shown(*rectification_plan(cfg, zone).due_of(f, at("2027-02-08", 9))) ==
          "2027-02-11T00:00:00+08:00");
}

TEST_CASE("the first matching rule wins; then the defaults; warnings have no deadline") {
    config cfg;
    cfg.sites.push_back({});
    cfg.sites.back().id = "county";
    cfg.sites.back().level = "县级";
    cfg.rectification.rules.push_back(
        {finding_kind::account_dormant, std::nullopt, "", "", {}, {}});
    cfg.rectification.rules.push_back(
        {std::nullopt, std::nullopt, "", "县级", working_days(3), {}});
    const rectification_plan plan(cfg, load_time_zone("Asia/Shanghai"));

    const auto dormant =
        plan.deadline_for(a_finding(finding_kind::account_dormant, finding_severity::veto, "acc"));
    REQUIRE(dormant);
    CHECK(dormant->how == measure::same_day);
    const auto county =
        plan.deadline_for(a_finding(finding_kind::broken_link, finding_severity::deduct, "county"));
    REQUIRE(county);
    CHECK(county->working_days == 3);
    const auto veto =
        plan.deadline_for(a_finding(finding_kind::homepage_stale, finding_severity::veto, "s1"));
    REQUIRE(veto);
    CHECK(veto->how == measure::span);
    CHECK(veto->span == std::chrono::hours(24 * 7));
    const auto deduct =
        plan.deadline_for(a_finding(finding_kind::broken_link, finding_severity::deduct, "s1"));
    REQUIRE(deduct);
    CHECK(deduct->working_days == 10);
    CHECK_FALSE(
        plan.deadline_for(a_finding(finding_kind::account_stale, finding_severity::warn, "acc")));
}

TEST_CASE("overdue: open and past its due time") {
    const config cfg;
    const rectification_plan plan(cfg, load_time_zone("Asia/Shanghai"));
    finding f = a_finding(finding_kind::account_dormant, finding_severity::veto, "acc");
    const std::int64_t since = at("2026-11-01", 9);
    CHECK_FALSE(plan.overdue(f, since, since + 7 * 86400 - 1));
    CHECK(plan.overdue(f, since, since + 7 * 86400));
    f.status = finding_status::resolved;
    CHECK_FALSE(plan.overdue(f, since, since + 30 * 86400));
}
