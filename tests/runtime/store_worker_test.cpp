#include "daemon/runtime/store_worker.hpp"
#include "tests/store/store_fixture.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

using govmon::store;
using govmon::store_error;
using govmon::store_worker;
using govmon::test::batch;
using govmon::test::make_observation;
using govmon::test::temp_dir;
namespace asio = govmon::asio;

namespace {

// A guard against a hang, never a measure: the step it waits for takes microseconds.
constexpr auto hang_guard = std::chrono::seconds(30);

template <typename T> void run_until_done(asio::io_context& ioc, asio::awaitable<T> job) {
    asio::co_spawn(ioc, std::move(job), [](std::exception_ptr e) {
        if (e)
            std::rethrow_exception(e);
    });
    ioc.run();
}

} // namespace

TEST_CASE("store_worker runs the work on its own thread and resumes the caller on the I/O "
          "thread with the result") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    store_worker worker(*db);
    asio::io_context ioc;
    const auto io_thread = std::this_thread::get_id();
    std::thread::id work_thread;
    std::thread::id resumed_on;
    std::size_t read = 0;
    run_until_done(ioc, [&]() -> asio::awaitable<void> {
        read = co_await worker.run([&](store& s) {
            work_thread = std::this_thread::get_id();
            s.write(batch({make_observation(1000), make_observation(1060)}));
            return s.observations_since("hb-portal", "availability", 0).size();
        });
        resumed_on = std::this_thread::get_id();
    }());
    CHECK(read == 2);
    CHECK(work_thread != io_thread);
    CHECK(resumed_on == io_thread);
}

TEST_CASE("store_worker: the I/O thread runs its handlers while the store's thread is busy") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    store_worker worker(*db);
    asio::io_context ioc;
    std::promise<void> io_ran;
    std::future<void> io_ran_seen = io_ran.get_future();
    bool unblocked = false;
    run_until_done(ioc, [&]() -> asio::awaitable<void> {
        // The work waits for a handler only the I/O thread can run: were the I/O thread blocked
        // on the work, neither would finish.
        asio::post(ioc, [&] { io_ran.set_value(); });
        unblocked = co_await worker.run(
            [&](store&) { return io_ran_seen.wait_for(hang_guard) == std::future_status::ready; });
    }());
    CHECK(unblocked);
}

TEST_CASE("store_worker keeps the order work was handed over in") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    store_worker worker(*db);
    asio::io_context ioc;
    std::vector<int> done;
    auto write = [&](int n) -> asio::awaitable<void> {
        co_await worker.run([&done, n](store& s) {
            s.write(batch({make_observation(1000 + n)}));
            done.push_back(n);
            return n;
        });
    };
    for (int n = 0; n < 50; ++n)
        asio::co_spawn(ioc, write(n), asio::detached);
    ioc.run();
    REQUIRE(done.size() == 50);
    for (int n = 0; n < 50; ++n)
        CHECK(done[static_cast<std::size_t>(n)] == n);
    CHECK(db->observations_since("hb-portal", "availability", 0).size() == 50);
}

TEST_CASE("store_worker rethrows a store_error in the caller") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    store_worker worker(*db);
    asio::io_context ioc;
    std::string caught;
    run_until_done(ioc, [&]() -> asio::awaitable<void> {
        try {
            co_await worker.run([](store&) -> int { throw store_error("govmon.db: disk full"); });
        } catch (const store_error& e) {
            caught = e.what();
        }
    }());
    CHECK(caught == "govmon.db: disk full");
}

TEST_CASE("store_worker commits on drain what was handed over before the I/O loop stopped") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    asio::io_context ioc;
    {
        store_worker worker(*db);
        asio::co_spawn(
            ioc,
            [&]() -> asio::awaitable<void> {
                co_await worker.run([](store& s) {
                    s.write(batch({make_observation(1000)}));
                    return true;
                });
            },
            asio::detached);
        // One step: the job hands its write over and suspends; then the loop stops, as on
        // SIGTERM, before the write's completion comes back.
        ioc.run_one();
        ioc.stop();
        worker.drain();
    }
    CHECK(db->observations_since("hb-portal", "availability", 0).size() == 1);
}
