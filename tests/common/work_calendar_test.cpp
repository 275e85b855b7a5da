#include "daemon/common/work_calendar.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("day numbers count from 1970-01-01 and know the weekday") {
    CHECK(day_number(1970, 1, 1) == 0);
    CHECK(parse_day("2026-10-01") == day_number(2026, 10, 1));
    CHECK(weekday_of(day_number(2026, 10, 1)) == 4); // a Thursday
    CHECK(weekday_of(day_number(2026, 11, 22)) == 0);
    CHECK_FALSE(parse_day("2026-02-30"));
    CHECK_FALSE(parse_day("2026-2-3"));
    CHECK_FALSE(parse_day("2026/02/03"));
}

TEST_CASE("the shipped calendar has 2026's holidays and make-up working days") {
    const work_calendar c = china_work_calendar();
    CHECK(c.is_working_day(day_number(2026, 9, 30)));
    for (int d = 1; d <= 7; ++d)
        CHECK_FALSE(c.is_working_day(day_number(2026, 10, d))); // 国庆
    CHECK(c.is_working_day(day_number(2026, 10, 10)));          // a Saturday, 调休上班
    CHECK(c.is_working_day(day_number(2026, 9, 20)));           // a Sunday, 调休上班
    CHECK_FALSE(c.is_working_day(day_number(2026, 10, 11)));    // an ordinary Sunday
    CHECK(c.is_working_day(day_number(2026, 2, 14)));
    CHECK(c.is_working_day(day_number(2026, 2, 28)));
    CHECK_FALSE(c.is_working_day(day_number(2026, 2, 23))); // 正月初七, a Monday
    CHECK(c.is_working_day(day_number(2026, 1, 4)));
    CHECK_FALSE(c.is_working_day(day_number(2026, 6, 19))); // 端午, a Friday
}

TEST_CASE("2027 ships its statutory holidays only, and config can add the rest") {
    work_calendar c = china_work_calendar();
    CHECK_FALSE(c.is_working_day(day_number(2027, 2, 8))); // 正月初三, a Monday
    CHECK(c.is_working_day(day_number(2027, 2, 9)));       // unknown until the notice
    c.add_holiday(day_number(2027, 2, 9));
    CHECK_FALSE(c.is_working_day(day_number(2027, 2, 9)));
    c.add_workday(day_number(2027, 2, 20)); // a Saturday
    CHECK(c.is_working_day(day_number(2027, 2, 20)));
    c.add_workday(day_number(2026, 10, 2)); // overrides a shipped holiday
    CHECK(c.is_working_day(day_number(2026, 10, 2)));
}
