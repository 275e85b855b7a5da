#include "daemon/common/time_zone.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

using namespace govmon;

namespace {

const zone_rules& zone(const char* name) {
    static std::vector<std::shared_ptr<const zone_rules>> loaded;
    auto rules = load_time_zone(name);
    REQUIRE(rules);
    loaded.push_back(rules);
    return *rules;
}

// glibc's reading of a zone, through the process's TZ: only this single-threaded reference
// sets it, to check the TZif reader against the C library.
std::string reference_iso8601(std::int64_t epoch_seconds) {
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm local{};
    ::localtime_r(&t, &local);
    char text[64];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string s = text;
    return s.insert(s.size() - 2, ":");
}

std::int64_t reference_midnight(int year, int month, int day) {
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(::mktime(&local));
}

void use_process_zone(const char* name) {
    ::setenv("TZ", name, 1);
    ::tzset();
}

} // namespace

TEST_CASE("times print in the given zone with their offset") {
    CHECK(format_iso8601(1763775000, zone("Asia/Shanghai")) == "2025-11-22T09:30:00+08:00");
    CHECK(format_iso8601(1763775000, zone("UTC")) == "2025-11-22T01:30:00+00:00");
    CHECK(format_iso8601(1763775000, zone("America/New_York")) == "2025-11-21T20:30:00-05:00");
    CHECK(format_iso8601(1763775000, zone_rules::utc()) == "2025-11-22T01:30:00+00:00");
}

TEST_CASE("the default zone is replaced whole; an unknown zone is refused and leaves it") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    const auto before = default_time_zone();
    CHECK_FALSE(set_default_time_zone("Mars/Olympus"));
    CHECK_FALSE(set_default_time_zone("../../etc/passwd"));
    CHECK_FALSE(load_time_zone("/etc/passwd"));
    CHECK(default_time_zone() == before);
    CHECK(format_iso8601(0) == "1970-01-01T08:00:00+08:00");
    REQUIRE(set_default_time_zone("UTC"));
    CHECK(format_iso8601(0) == "1970-01-01T00:00:00+00:00");
    CHECK(before->name() == "Asia/Shanghai"); // a holder of the old zone still reads it
    CHECK(format_iso8601(0, *before) == "1970-01-01T08:00:00+08:00");
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
}

TEST_CASE("dates and quarters are days in the given zone") {
    const zone_rules& shanghai = zone("Asia/Shanghai");
    CHECK(parse_local_date("2026-11-22", shanghai) == 1795305600 - 8 * 3600);
    CHECK_FALSE(parse_local_date("2026-02-30", shanghai));
    CHECK_FALSE(parse_local_date("2026-1-01", shanghai));
    CHECK_FALSE(parse_local_date("yesterday!", shanghai));
    auto q3 = parse_quarter("2026Q3", shanghai);
    REQUIRE(q3);
    CHECK(q3->from == *parse_local_date("2026-07-01", shanghai));
    CHECK(q3->to == *parse_local_date("2026-10-01", shanghai));
    auto q4 = parse_quarter("2026Q4", shanghai);
    REQUIRE(q4);
    CHECK(q4->to == *parse_local_date("2027-01-01", shanghai));
    CHECK_FALSE(parse_quarter("2026Q5", shanghai));
    CHECK_FALSE(parse_quarter("26Q1", shanghai));
    CHECK(parse_local_date("2026-11-22", zone("UTC")) == 1795305600);
}

TEST_CASE("the TZif reader agrees with glibc across DST changes and zones") {
    for (const char* name : {"America/New_York", "Australia/Lord_Howe", "Asia/Shanghai",
                             "Europe/Dublin", "Asia/Kolkata"}) {
        CAPTURE(name);
        const zone_rules& rules = zone(name);
        use_process_zone(name);
        // Every 7 minutes and 13 seconds over 2025, then around the 1970 epoch, then 2040
        // (past the end of a fat TZif table, where the zone's POSIX rule takes over).
        for (std::int64_t t = 1735689600; t < 1767225600; t += 433)
            REQUIRE(format_iso8601(t, rules) == reference_iso8601(t));
        for (std::int64_t t = -86400; t < 86400; t += 61)
            REQUIRE(format_iso8601(t, rules) == reference_iso8601(t));
        for (std::int64_t t = 2208988800; t < 2240524800; t += 3607)
            REQUIRE(format_iso8601(t, rules) == reference_iso8601(t));
        for (int year : {1988, 2007, 2026, 2040})
            for (int month = 1; month <= 12; ++month)
                REQUIRE(parse_local_date(std::to_string(year) + "-" + (month < 10 ? "0" : "") +
                                             std::to_string(month) + "-01",
                                         rules) == reference_midnight(year, month, 1));
    }
    ::unsetenv("TZ");
    ::tzset();
}

TEST_CASE("two threads format times in two zones at once, each in its own") {
    const auto shanghai = load_time_zone("Asia/Shanghai");
    const auto new_york = load_time_zone("America/New_York");
    REQUIRE(shanghai);
    REQUIRE(new_york);
    auto format_many = [](const zone_rules& z, const char* expected, int& wrong) {
        for (int i = 0; i < 20000; ++i)
            if (format_iso8601(1763775000, z) != expected)
                ++wrong;
    };
    int wrong_shanghai = 0, wrong_new_york = 0;
    std::thread a(format_many, std::cref(*shanghai), "2025-11-22T09:30:00+08:00",
                  std::ref(wrong_shanghai));
    std::thread b(format_many, std::cref(*new_york), "2025-11-21T20:30:00-05:00",
                  std::ref(wrong_new_york));
    // Meanwhile a reload replaces the default zone, as SIGHUP does.
    for (int i = 0; i < 200; ++i)
        REQUIRE(set_default_time_zone(i % 2 ? "UTC" : "Europe/Dublin"));
    a.join();
    b.join();
    CHECK(wrong_shanghai == 0);
    CHECK(wrong_new_york == 0);
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
}
