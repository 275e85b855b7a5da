#pragma once

#include "probes/http/net.hpp"

#include <cstddef>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace govmon {

// A body this large is parsed off the I/O thread; a smaller one parses in less time than the
// hand-off to another thread and back costs (bench/crawl/run: its 2000 small pages took up to
// 25 % longer when each went to the pool).
inline constexpr std::size_t large_parse_bytes = 64 * 1024;

// Runs `work()` on `where` (a thread pool) and resumes the calling coroutine on its own
// executor with the result, so that a slow step (a large parse, a database write) never holds
// the I/O thread. An exception `work` throws is rethrown in the caller. Work posted to one
// single-threaded pool runs in the order it was posted. `work` must not touch what the calling
// thread owns: it runs on another thread.
template <typename F>
asio::awaitable<std::invoke_result_t<F&>> run_off_thread(asio::any_io_executor where, F work) {
    using result = std::invoke_result_t<F&>;
    static_assert(!std::is_void_v<result>, "return a value: the caller learns it is done");
    auto start = [where](auto handler, F task) {
        // Tracked: the caller's io_context does not run out of work while the pool computes.
        auto home = asio::prefer(asio::get_associated_executor(handler),
                                 asio::execution::outstanding_work.tracked);
        asio::post(where, [handler = std::move(handler), task = std::move(task), home]() mutable {
            std::exception_ptr error;
            std::optional<result> value;
            try {
                value.emplace(task());
            } catch (...) {
                error = std::current_exception();
            }
            asio::post(home,
                       [handler = std::move(handler), error, value = std::move(value)]() mutable {
                           handler(error, value ? std::move(*value) : result{});
                       });
        });
    };
    co_return co_await asio::async_initiate<const asio::use_awaitable_t<>,
                                            void(std::exception_ptr, result)>(
        std::move(start), asio::use_awaitable, std::move(work));
}

} // namespace govmon
