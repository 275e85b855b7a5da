#include "daemon/alerts/delivery_lock.hpp"
#include "tests/store/store_fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace govmon;
using govmon::test::temp_dir;
using lock_state = delivery_lock::state;

TEST_CASE("one delivery lock per database: a second holder waits for the first to let go") {
    temp_dir dir;
    const std::string database = dir.file("govmon.db");
    auto daemon = std::make_unique<delivery_lock>(database);
    delivery_lock once(database);
    CHECK(daemon->try_hold() == lock_state::held);
    CHECK(daemon->try_hold() == lock_state::held); // kept, not taken twice
    CHECK(once.try_hold() == lock_state::busy);
    CHECK(std::filesystem::exists(database + ".mail-lock"));
    daemon.reset(); // the process ends: its flock goes with it
    CHECK(once.try_hold() == lock_state::held);
    delivery_lock other_database(dir.file("other.db"));
    CHECK(other_database.try_hold() == lock_state::held);
}

TEST_CASE("a lock file that cannot be made lets mail go out without the lock, said once") {
    temp_dir dir;
    delivery_lock lock(dir.file("no-such-folder/govmon.db"));
    CHECK(lock.try_hold() == lock_state::unavailable);
    CHECK(lock.try_hold() == lock_state::held);
}

TEST_CASE("an in-memory database needs no lock: no other process can open it") {
    delivery_lock lock(":memory:");
    CHECK(lock.try_hold() == lock_state::held);
}
