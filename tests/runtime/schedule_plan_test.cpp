#include "daemon/runtime/schedule_plan.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using std::chrono::hours;
using std::chrono::seconds;

TEST_CASE("new targets start within the first jitter window") {
    CHECK(first_due(1000, hours(1), 0.10, 0.0) == 1000);
    CHECK(first_due(1000, hours(1), 0.10, 0.5) == 1000 + 180);
    CHECK(first_due(1000, hours(1), 0.10, 0.999) < 1000 + 360);
    CHECK(first_due(1000, hours(1), 0.0, 0.7) == 1000);
}

TEST_CASE("the next run is one interval later, give or take half the jitter window") {
    CHECK(next_due(1000, hours(1), 0.10, 0.5) == 1000 + 3600);
    CHECK(next_due(1000, hours(1), 0.10, 0.0) == 1000 + 3600 - 180);
    CHECK(next_due(1000, hours(1), 0.10, 1.0) == 1000 + 3600 + 180);
    CHECK(next_due(1000, hours(1), 0.0, 0.9) == 1000 + 3600);
}

TEST_CASE("a sub-second interval still moves forward and odd inputs are clamped") {
    CHECK(next_due(1000, std::chrono::milliseconds(10), 0.0, 0.5) == 1001);
    CHECK(next_due(1000, seconds(100), 5.0, 2.0) == 1000 + 150);
}
