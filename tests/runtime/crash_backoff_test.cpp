#include "daemon/runtime/daemon_state.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("a crashed job is retried after 30 s, doubling per crash in a row, at most an hour") {
    scheduled_probe entry;
    entry.next_due = 100; // the due time it crashed at: never relaunched on the next tick
    CHECK(reschedule_after_crash(entry, 1000) == 1030);
    CHECK(reschedule_after_crash(entry, 1030) == 1090);
    CHECK(reschedule_after_crash(entry, 1090) == 1210);
    for (int i = 0; i < 10; ++i)
        reschedule_after_crash(entry, 5000);
    CHECK(entry.next_due == 5000 + 3600);
    CHECK(entry.crashes == 13);
}
