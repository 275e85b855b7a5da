#include "probes/dates/date_parse.hpp"
#include "tests/dates/date_check.hpp"

#include <doctest/doctest.h>

#include <array>

using namespace govmon;
using namespace govmon::test;

TEST_CASE("RFC 822 dates and their real-world variants") {
    const std::array cases{
        date_case{"Sat, 21 Nov 2020 02:00:00 GMT", 1605924000, precision::second},
        date_case{"Thu, 01 Jan 2004 19:48:21 GMT", 1072986501, precision::second},
        date_case{"Thu, 01 Jan 04 19:48:21 GMT", 1072986501, precision::second},
        date_case{"Fri, 02 Jan 98 10:00:00 GMT", 883735200, precision::second},
        date_case{"Thu,  5 Apr 2012 10:00:00 GMT", 1333620000, precision::second},
        date_case{"Wed, 19 Feb 2012 22:40:00 GMT-01:01", 1329694860, precision::second},
        date_case{"Wed, 19 Feb 2012 22:40:00 -01:01", 1329694860, precision::second},
        date_case{"Wed, 19 Aug 2009 18:28:00 Etc/GMT", 1250706480, precision::second},
        date_case{"Mon, 13 Feb, 2012 06:28:00 UTC", 1329114480, precision::second},
        date_case{"Thu, 01 Jan 2004 00:00 GMT", 1072915200, precision::minute},
        date_case{"Fri,24 Nov 2023 18:28:36 -0000", 1700850516, precision::second},
        date_case{"Mon, 26 January 2004 16:31:00 PT", 1075163460, precision::second},
        date_case{"Mon, 26 January 2004 16:31:00 EST", 1075152660, precision::second},
        date_case{"Thu, 30 Apr 2015 08:57:00 MEST", 1430377020, precision::second},
        date_case{"Sat, 21 Nov 2026 10:00:00 +0800", 1795226400, precision::second},
        date_case{"Sat, 21 Nov 2026 10:00:00 +08:00", 1795226400, precision::second},
        date_case{"Sat, 21 Nov 2026 10:00:00 GMT+8", 1795226400, precision::second},
        date_case{"Saturday, 21 November 2026 10:00:00 +0800", 1795226400, precision::second},
        date_case{"21 Nov 2026 10:00:00 GMT", 1795255200, precision::second},
        date_case{"sat, 21 NOV 2026 10:00:00 gmt", 1795255200, precision::second},
        date_case{"  Sat,  21   Nov  2026  10:00:00   GMT  ", 1795255200, precision::second},
        // A wrong weekday is a typo in the feed, not a reason to lose the date.
        date_case{"Sun, 21 Nov 2026 10:00:00 GMT", 1795255200, precision::second},
    };
    for (const auto& c : cases)
        check_date(c);
}

TEST_CASE("CST and zone-less values are Beijing time") {
    check_date({"Sat, 21 Nov 2026 10:00:00 CST", 1795226400, precision::second});
    // WeRSS prints a naive datetime with %z: no zone and a trailing space.
    check_date({"Mon, 02 Jun 2025 10:00:00 ", 1748829600, precision::second});
    check_date({"2026-11-20T10:00:00", 1795140000, precision::second});
    check_date({"2026-11-20 10:00:00", 1795140000, precision::second});
    check_date({"Sun Jan  4 16:29:06 2004", 1073204946, precision::second});
}

TEST_CASE("a date without a time is the start of its Beijing day, day precision") {
    check_date({"Thu, 01 Jan 2004", 1072886400, precision::day});
    check_date({"2026-11-20", 1795104000, precision::day});
    const auto parsed = parse_date("2026-11-20", fixed_now);
    REQUIRE(parsed);
    CHECK(latest_instant(*parsed) == 1795104000 + 86399);
    const auto timed = parse_date("2026-11-20 10:00:00", fixed_now);
    REQUIRE(timed);
    CHECK(latest_instant(*timed) == timed->instant);
}

TEST_CASE("asctime, Weibo created_at and swapped month-day orders") {
    check_date({"Sun Jul 15 01:16:00 +0000 2012", 1342314960, precision::second});
    check_date({"Sat Nov 21 10:00:00 +0800 2026", 1795226400, precision::second});
    check_date({"Thu Aug 30 2012 17:26:16 +0200", 1346340376, precision::second});
    check_date({"November 20, 2026", 1795104000, precision::day});
    check_date({"Fri, 2006/09/15 08:19:53 EDT", 1158322793, precision::second});
}

TEST_CASE("RFC 3339 and ISO 8601") {
    const std::array cases{
        date_case{"2003-12-31T10:14:55Z", 1072865695, precision::second},
        date_case{"2003-12-31t10:14:55z", 1072865695, precision::second},
        date_case{"2003-12-31T10:14:55-08:00", 1072894495, precision::second},
        date_case{"2007-04-23T23:25:47.538+10:00", 1177334747, precision::second},
        date_case{"2003-12-31T10:14:55.1234Z", 1072865695, precision::second},
        date_case{"2026-11-20T10:00:00+0800", 1795140000, precision::second},
        date_case{"2026-11-20T10:00:00+08", 1795140000, precision::second},
        date_case{"2026-11-20 10:00", 1795140000, precision::minute},
        date_case{"2004-07-08 23:56:58 -00:20", 1089332218, precision::second},
        date_case{"2004-07-08 23:56:58.0", 1089302218, precision::second},
        date_case{"20261120T100000", 1795140000, precision::second},
        date_case{"20261120T100000Z", 1795168800, precision::second},
        date_case{"20261120", 1795104000, precision::day},
        date_case{"202611201006", 1795140360, precision::minute},
    };
    for (const auto& c : cases)
        check_date(c);
}

TEST_CASE("Chinese list and document date formats") {
    const std::array cases{
        date_case{"2026/11/02", 1793548800, precision::day},
        date_case{"2026.11.02", 1793548800, precision::day},
        date_case{"2026-1-5", 1767542400, precision::day},
        date_case{"2026/11/02 09:30", 1793583000, precision::minute},
        date_case{"2026年11月2日", 1793548800, precision::day},
        date_case{"2026 年 11 月 2 日", 1793548800, precision::day},
        date_case{"2026年11月2日 10:00", 1793584800, precision::minute},
        date_case{"2026年11月2日10时30分", 1793586600, precision::minute},
        date_case{"二〇二六年十一月二日", 1793548800, precision::day},
        date_case{"二〇二六年十一月二十日", 1795104000, precision::day},
        date_case{"二零二六年三月三十一日", 1774886400, precision::day},
        date_case{"２０２６－１１－０２　１０：００", 1793584800, precision::minute},
        date_case{"２０２６年１１月２日", 1793548800, precision::day},
    };
    for (const auto& c : cases)
        check_date(c);
}

TEST_CASE("year-less dates take the most recent year that is not in the future") {
    check_date({"11-02", 1793548800, precision::day});
    check_date({"[11-02]", 1793548800, precision::day});
    check_date({"(11-02)", 1793548800, precision::day});
    check_date({"【11-02】", 1793548800, precision::day});
    check_date({"11月2日", 1793548800, precision::day});
    check_date({"11-02 10:00", 1793584800, precision::minute});
}

TEST_CASE("year inference across New Year") {
    constexpr std::int64_t new_year_night = 1798734600; // 2027-01-01 00:30 Beijing
    check_date({"12-31", 1798646400, precision::day}, new_year_night);
    check_date({"12-31 23:59", 1798732740, precision::minute}, new_year_night);
    check_date({"01-01", 1798732800, precision::day}, new_year_night);
    // Tomorrow's date cannot be a post yet: it is last year's.
    check_date({"01-02", 1767283200, precision::day}, new_year_night);
}

TEST_CASE("year inference allows about a day of clock skew, no more") {
    constexpr std::int64_t late_evening = 1793547000; // 2026-11-01 23:30 Beijing
    check_date({"11-02 00:10", 1793549400, precision::minute}, late_evening);
    check_date({"11-02", 1762012800, precision::day}, late_evening);
    check_date({"11-03", 1762099200, precision::day}, late_evening);
    constexpr std::int64_t march_2027 = 1803873600; // 2027-03-01 12:00 Beijing
    check_date({"02-29", 1709136000, precision::day}, march_2027);
}

TEST_CASE("invalid dates and non-dates are refused") {
    for (const auto text : {
             "Sun, 30 Feb 2026 10:00:00 GMT",
             "2026-02-30",
             "2026-13-01",
             "2026-00-10",
             "2026-11-02 25:00",
             "2026-11-02T10:61:00Z",
             "2026-11-02T10:14:61Z",
             "2026-11",
             "2026",
             "2026年11月",
             "1700000000",
             "1700000000000",
             "",
             "   ",
             "hello",
             "2026-11-02 garbage",
             "2026-11/02",
             "03-12-31",
             "1899-12-31",
             "Sun, 16 Dec 2012 1:2:3:4 GMT",
             "Sun, 31 Dec 9999 23:59:59 -9999",
             "Thu, 01 Jan 0100 00:00:01 +0100",
             "Sun, 16 Dec 2012 11:47:32 +zz:00",
             "Sun, 16 Dec 2012 11:47:32 XYZ",
             "13-45",
             "11-02 10:00 +0800",
             "2013-01-28T11:30:00-06:00Textra",
             "2026-11-20T10:00:00+15:00",
         })
        check_refused(text);
}

TEST_CASE("unix timestamps only through parse_unix_timestamp") {
    auto seconds = parse_unix_timestamp("1700000000");
    REQUIRE(seconds);
    CHECK(seconds->instant == 1700000000);
    CHECK(seconds->precision == precision::second);
    auto millis = parse_unix_timestamp(" 1700000000999 ");
    REQUIRE(millis);
    CHECK(millis->instant == 1700000000);
    CHECK_FALSE(parse_unix_timestamp("170000000"));
    CHECK_FALSE(parse_unix_timestamp("17000000001"));
    CHECK_FALSE(parse_unix_timestamp("17000000x0"));
    CHECK_FALSE(parse_unix_timestamp("-700000000"));
    CHECK_FALSE(parse_unix_timestamp("2026-11-20"));
}
