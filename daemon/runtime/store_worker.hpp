#pragma once

#include "daemon/store/store.hpp"
#include "probes/off_thread.hpp"

#include <utility>

namespace govmon {

// The thread that owns the daemon's store: every read and write of a running daemon goes
// through it, so a slow disk or a long transaction stalls no probe. One thread, so the store
// keeps its rule of one thread at a time and the work of each target keeps its order.
class store_worker {
public:
    explicit store_worker(store& db) : db_(db) {}
    // Drains: a write handed over before shutdown is committed.
    ~store_worker() { drain(); }
    store_worker(const store_worker&) = delete;
    store_worker& operator=(const store_worker&) = delete;

    // `work(store&)` on the store's thread; resumes the caller on its own executor with the
    // result, or rethrows its store_error there. What `work` captures by reference must live
    // until the caller resumes (the caller's coroutine frame does).
    template <typename F> auto run(F work) {
        return run_off_thread(pool_.get_executor(),
                              [this, work = std::move(work)]() mutable { return work(db_); });
    }

    // Waits until everything handed over is done; nothing may be handed over after.
    void drain() { pool_.join(); }

private:
    store& db_;
    asio::thread_pool pool_{1};
};

} // namespace govmon
