#include "daemon/common/probe_kind.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("probe names round-trip as the store and export spell them") {
    for (const char* name : {"availability", "crawl", "column", "account"}) {
        const auto probe = parse_probe_kind(name);
        REQUIRE(probe.has_value());
        CHECK(name_of(*probe) == name);
        CHECK(probe_name(*probe) == name);
    }
    CHECK_FALSE(parse_probe_kind("accounts").has_value());
    CHECK_FALSE(parse_probe_kind("Availability").has_value());
    CHECK_FALSE(parse_probe_kind("").has_value());
}

TEST_CASE("a probe's schedule is named as govmon_cycle_last_success_timestamp_seconds names it") {
    CHECK(schedule_name_of(probe_kind::availability) == "availability");
    CHECK(schedule_name_of(probe_kind::crawl) == "crawl");
    CHECK(schedule_name_of(probe_kind::account) == "accounts");
}
