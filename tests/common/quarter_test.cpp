#include "daemon/common/quarter.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

std::int64_t at(const char* day) {
    return *parse_local_date(day) + 12 * 3600;
}

} // namespace

TEST_CASE("--quarter names a quarter, the current one or the one before it") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    const std::int64_t november = at("2026-11-23");
    CHECK(resolve_quarter("2026Q3", november) == quarter{2026, 3});
    CHECK(resolve_quarter("2025q1", november) == quarter{2025, 1});
    CHECK(resolve_quarter("current", november) == quarter{2026, 4});
    CHECK(resolve_quarter("last", november) == quarter{2026, 3});
    CHECK_FALSE(resolve_quarter("previous", november));
    CHECK_FALSE(resolve_quarter("2026Q0", november));
}

TEST_CASE("last in the first quarter is the fourth quarter of the year before") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    CHECK(resolve_quarter("last", at("2027-02-10")) == quarter{2026, 4});
    CHECK(resolve_quarter("current", at("2027-03-31")) == quarter{2027, 1});
}

TEST_CASE("the quarter of an instant is read in the configured zone") {
    // 2026-09-30T17:00:00Z is already October 1st in Beijing.
    const std::int64_t instant = 1790787600;
    REQUIRE(set_default_time_zone("UTC"));
    CHECK(quarter_of(instant) == quarter{2026, 3});
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    CHECK(quarter_of(instant) == quarter{2026, 4});
    CHECK(resolve_quarter("last", instant) == quarter{2026, 3});
}

TEST_CASE("a resolved quarter gives its name and its range") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    CHECK(name_of({2026, 3}) == "2026Q3");
    CHECK(name_of(previous_quarter({2026, 1})) == "2025Q4");
    const time_range q4 = range_of({2026, 4});
    CHECK(q4.from == *parse_local_date("2026-10-01"));
    CHECK(q4.to == *parse_local_date("2027-01-01"));
}
