#include "daemon/common/work_calendar.hpp"
#include "daemon/config/config_loader.hpp"
#include "daemon/config/rectification_reader.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using govmon::test::all_errors;
using govmon::test::has_error;
using measure = rectification_deadline::measure;

TEST_CASE("deadlines: 当天, working days in English or Chinese, or a duration") {
    CHECK(parse_rectification_deadline("当天").value->how == measure::same_day);
    CHECK(parse_rectification_deadline("same_day").value->how == measure::same_day);
    for (const char* text : {"10 working days", "10 workdays", "10个工作日", "10工作日"}) {
        CAPTURE(text);
        const auto d = parse_rectification_deadline(text);
        REQUIRE(d);
        CHECK(d.value->how == measure::working_days);
        CHECK(d.value->working_days == 10);
    }
    CHECK(parse_rectification_deadline("1 working day").value->working_days == 1);
    const auto week = parse_rectification_deadline("7d");
    REQUIRE(week);
    CHECK(week.value->how == measure::span);
    CHECK(week.value->span == std::chrono::hours(24 * 7));
    for (const char* bad : {"", "0 working days", "ten working days", "0s", "7", "明天"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_rectification_deadline(bad));
    }
}

TEST_CASE("rectification rules, holidays and workdays load with their filters") {
    const test::temp_dir dir;
    const auto result = load_config(dir.write("govmon.yaml", R"(units:
  - {id: u1, name: 单位}
rectification:
  rules:
    - {kind: account_dormant, within: 当天}
    - {severity: deduct, level: 县级, within: 5个工作日}
    - {unit: u1, within: 3d}
  holidays: [2027-02-09]
  workdays: [2027-02-20]
)"));
    INFO(all_errors(result));
    REQUIRE(result.errors.empty());
    const auto& r = result.cfg.rectification;
    REQUIRE(r.rules.size() == 3);
    CHECK(r.rules[0].kind == finding_kind::account_dormant);
    CHECK(r.rules[0].within.how == measure::same_day);
    CHECK(r.rules[1].severity == finding_severity::deduct);
    CHECK(r.rules[1].level == "县级");
    CHECK(r.rules[1].within.working_days == 5);
    CHECK(r.rules[2].unit == "u1");
    CHECK(r.rules[2].where.line == 7);
    CHECK(r.holidays == std::vector<int>{day_number(2027, 2, 9)});
    CHECK(r.workdays == std::vector<int>{day_number(2027, 2, 20)});
}

TEST_CASE("a bad rectification rule is an error on its line") {
    const test::temp_dir dir;
    const auto result = load_config(dir.write("govmon.yaml", R"(units:
  - {id: u1, name: 单位}
rectification:
  rules:
    - {kind: account_stale, within: 当天}
    - {severity: warn, within: 1d}
    - {kind: broken_link}
    - {unit: u9, within: 1d}
    - {within: next week}
    - {level: 乡级, within: 1d}
  holidays: [2027-02-30]
)"));
    CHECK(has_error(result, 5, "only ever a warning"));
    CHECK(has_error(result, 6, "severity 'warn' has no rectification deadline"));
    CHECK(has_error(result, 7, "needs `within`"));
    CHECK(has_error(result, 8, "unknown unit 'u9'"));
    CHECK(has_error(result, 9, "'next week' is not a deadline"));
    CHECK(has_error(result, 10, "unknown site level '乡级'"));
    CHECK(has_error(result, 11, "'2027-02-30' is not a date"));
    INFO(all_errors(result));
    CHECK(result.errors.size() == 7);
}
