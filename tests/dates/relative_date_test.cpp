#include "probes/dates/date_parse.hpp"
#include "probes/dates/relative_date.hpp"
#include "tests/dates/date_check.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::test;

// Relative strings mean nothing without the fetch time: every case here is read against
// fixed_now, 2026-11-21 10:00:00 Beijing.

TEST_CASE("Weibo elapsed-time strings count back from now") {
    check_date({"刚刚", fixed_now, precision::second});
    check_date({"剛剛", fixed_now, precision::second});
    check_date({"30秒前", fixed_now - 30, precision::second});
    check_date({"5分钟前", fixed_now - 300, precision::minute});
    check_date({"5分鐘前", fixed_now - 300, precision::minute});
    check_date({"3小时前", fixed_now - 3 * 3600, precision::hour});
    check_date({"3个小时前", fixed_now - 3 * 3600, precision::hour});
    check_date({"１２小时前", fixed_now - 12 * 3600, precision::hour});
    check_date({"2天前", 1795017600, precision::day});
}

TEST_CASE("today, yesterday and the day before are Beijing calendar days") {
    check_date({"今天 08:15", 1795220100, precision::minute});
    check_date({"今天", 1795190400, precision::day});
    check_date({"昨天 23:01", 1795186860, precision::minute});
    check_date({"前天 10:00", 1795053600, precision::minute});
    // Just after midnight Beijing, "yesterday" is the previous Beijing day, not UTC's.
    constexpr std::int64_t after_midnight = 1798734600; // 2027-01-01 00:30 Beijing
    check_date({"昨天 23:59", 1798732740, precision::minute}, after_midnight);
}

TEST_CASE("Weibo absolute display strings") {
    check_date({"11-02", 1793548800, precision::day});
    check_date({"2026-11-02", 1793548800, precision::day});
    check_date({"Sat Nov 21 10:00:00 +0800 2026", 1795226400, precision::second});
}

TEST_CASE("vague relative strings are refused rather than guessed") {
    for (const auto text : {"几分钟前", "3周前", "2个月前", "1年前", "周五下午3点", "昨晚8点",
                            "5分钟后", "刚刚发布", "今天 25:00", "5秒"})
        check_refused(text);
    CHECK_FALSE(parse_relative_date("2026-11-02", fixed_now));
}
