#pragma once

#include "probes/http/net.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <exception>
#include <optional>
#include <vector>

namespace govmon::test {

// Runs coroutines on `ioc` until all have finished or `limit` has passed; rethrows the first
// exception; fails the test case if one did not finish.
template <class T>
std::vector<T> run_all(asio::io_context& ioc, std::vector<asio::awaitable<T>> tasks,
                       std::chrono::milliseconds limit = std::chrono::seconds{30}) {
    std::vector<std::optional<T>> results(tasks.size());
    std::exception_ptr error;
    std::size_t done = 0;
    for (std::size_t i = 0; i < tasks.size(); ++i)
        asio::co_spawn(ioc, std::move(tasks[i]),
                       [&results, &error, &done, i](std::exception_ptr e, T value) {
                           ++done;
                           if (e && !error)
                               error = e;
                           else if (!e)
                               results[i] = std::move(value);
                       });
    ioc.restart();
    auto end = std::chrono::steady_clock::now() + limit;
    while (done < results.size() && std::chrono::steady_clock::now() < end)
        ioc.run_one_for(std::chrono::milliseconds{50});
    if (error)
        std::rethrow_exception(error);
    REQUIRE_MESSAGE(done == results.size(), "coroutine did not finish within the wall limit");
    std::vector<T> out;
    for (auto& r : results)
        out.push_back(std::move(*r));
    return out;
}

template <class T>
T run_coro(asio::io_context& ioc, asio::awaitable<T> task,
           std::chrono::milliseconds limit = std::chrono::seconds{30}) {
    std::vector<asio::awaitable<T>> tasks;
    tasks.push_back(std::move(task));
    return std::move(run_all(ioc, std::move(tasks), limit).front());
}

} // namespace govmon::test
