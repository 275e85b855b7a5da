#include "probes/http/host_gate.hpp"
#include "tests/http/run_coro.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::http;
using namespace std::chrono_literals;

namespace {

struct trace {
    int holding = 0;
    int max_holding = 0;
    std::vector<int> order;
    std::vector<std::chrono::steady_clock::time_point> starts;
};

// A named coroutine (P7); the gate and the trace outlive every call.
asio::awaitable<int> hold(host_gate& gate, trace& t, std::string key, int id,
                          std::chrono::milliseconds busy) {
    auto permit = co_await gate.acquire(std::move(key));
    t.order.push_back(id);
    t.starts.push_back(std::chrono::steady_clock::now());
    t.max_holding = std::max(t.max_holding, ++t.holding);
    asio::steady_timer timer{co_await asio::this_coro::executor, busy};
    co_await timer.async_wait(asio::use_awaitable);
    --t.holding;
    co_return id;
}

} // namespace

TEST_CASE("host_gate: FIFO hand-over within the per-key limit, keys independent") {
    asio::io_context ioc;
    host_gate gate{2, 0ms};
    trace t;
    std::vector<asio::awaitable<int>> tasks;
    for (int i = 0; i < 5; ++i)
        tasks.push_back(hold(gate, t, "a", i, 50ms));
    tasks.push_back(hold(gate, t, "b", 99, 10ms));
    govmon::test::run_all(ioc, std::move(tasks));
    CHECK(t.max_holding == 3); // two on "a" plus the one on "b"
    CHECK(t.order == std::vector<int>{0, 1, 99, 2, 3, 4});
    CHECK(gate.in_flight("a") == 0);
    CHECK(gate.waiting("a") == 0);
}

TEST_CASE("host_gate: delay between the release of one permit and the next start") {
    asio::io_context ioc;
    host_gate gate{1, 150ms};
    trace t;
    std::vector<asio::awaitable<int>> tasks;
    for (int i = 0; i < 3; ++i)
        tasks.push_back(hold(gate, t, "h", i, 20ms));
    govmon::test::run_all(ioc, std::move(tasks));
    REQUIRE(t.starts.size() == 3);
    CHECK(t.starts[1] - t.starts[0] >= 165ms);
    CHECK(t.starts[2] - t.starts[1] >= 165ms);
}

TEST_CASE("host_gate: a permit released early or moved frees the slot once") {
    asio::io_context ioc;
    host_gate gate{1, 0ms};
    auto p = govmon::test::run_coro(ioc, gate.acquire("k"));
    CHECK(gate.in_flight("k") == 1);
    host_gate::permit moved = std::move(p);
    CHECK_FALSE(p);
    CHECK(moved);
    moved.release();
    moved.release();
    CHECK(gate.in_flight("k") == 0);
    auto again = govmon::test::run_coro(ioc, gate.acquire("k"));
    CHECK(gate.in_flight("k") == 1);
}
