#pragma once

#include <string>

namespace govmon {

// The right to deliver the outbox of one database, held by one process at a time: `run --once`
// may run beside the daemon, and both must never hand the same queued mail to the server. An
// flock(2) on a file beside the database, so that a process that dies lets go at once (its
// mails are sent by the next one without waiting for a lease to expire).
class delivery_lock {
public:
    explicit delivery_lock(const std::string& database);
    ~delivery_lock();
    delivery_lock(const delivery_lock&) = delete;
    delivery_lock& operator=(const delivery_lock&) = delete;

    enum class state {
        held,       // this process delivers
        busy,       // another process delivers from this database
        unavailable // the lock file cannot be opened: deliver without it (said once)
    };
    // Takes the lock when it is free; never waits. Once held, it stays held.
    state try_hold();
    // Why the lock became unavailable, for the log.
    const std::string& failure() const { return failure_; }

private:
    std::string path_; // empty: an in-memory database, which no other process can open
    int fd_ = -1;
    bool held_ = false;
    std::string failure_;
};

} // namespace govmon
