#include "daemon/common/time_zone.hpp"

#include <doctest/doctest.h>

#include <ctime>
#include <string>

using namespace govmon;

TEST_CASE("times print in the configured zone with their offset") {
    REQUIRE(set_process_time_zone("Asia/Shanghai"));
    CHECK(format_iso8601(1763775000) == "2025-11-22T09:30:00+08:00");
    REQUIRE(set_process_time_zone("UTC"));
    CHECK(format_iso8601(1763775000) == "2025-11-22T01:30:00+00:00");
    REQUIRE(set_process_time_zone("America/New_York"));
    CHECK(format_iso8601(1763775000) == "2025-11-21T20:30:00-05:00");
}

TEST_CASE("an unknown zone is refused and leaves the current one") {
    REQUIRE(set_process_time_zone("Asia/Shanghai"));
    CHECK_FALSE(set_process_time_zone("Mars/Olympus"));
    CHECK_FALSE(set_process_time_zone("../../etc/passwd"));
    CHECK(format_iso8601(0) == "1970-01-01T08:00:00+08:00");
}

TEST_CASE("dates and quarters are days in the configured zone") {
    REQUIRE(set_process_time_zone("Asia/Shanghai"));
    CHECK(parse_local_date("2026-11-22") == 1795305600 - 8 * 3600);
    CHECK_FALSE(parse_local_date("2026-02-30"));
    CHECK_FALSE(parse_local_date("2026-1-01"));
    CHECK_FALSE(parse_local_date("yesterday!"));
    auto q3 = parse_quarter("2026Q3");
    REQUIRE(q3);
    CHECK(q3->from == *parse_local_date("2026-07-01"));
    CHECK(q3->to == *parse_local_date("2026-10-01"));
    auto q4 = parse_quarter("2026Q4");
    REQUIRE(q4);
    CHECK(q4->to == *parse_local_date("2027-01-01"));
    CHECK_FALSE(parse_quarter("2026Q5"));
    CHECK_FALSE(parse_quarter("26Q1"));
}

namespace {

std::string reference_iso8601(std::int64_t epoch_seconds) {
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm local{};
    ::localtime_r(&t, &local);
    char text[64];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string s = text;
    return s.insert(s.size() - 2, ":");
}

} // namespace

TEST_CASE("the cached-offset formatter agrees with localtime across DST changes and zones") {
    for (const char* zone : {"America/New_York", "Australia/Lord_Howe", "Asia/Shanghai"}) {
        REQUIRE(set_process_time_zone(zone));
        // Every 7 minutes and 13 seconds over 2025, then around the 1970 epoch.
        for (std::int64_t t = 1735689600; t < 1767225600; t += 433)
            REQUIRE(format_iso8601(t) == reference_iso8601(t));
        for (std::int64_t t = -86400; t < 86400; t += 61)
            REQUIRE(format_iso8601(t) == reference_iso8601(t));
    }
    REQUIRE(set_process_time_zone("Asia/Shanghai"));
}
