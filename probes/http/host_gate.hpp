#pragma once

#include "probes/http/net.hpp"

#include <chrono>
#include <deque>
#include <string>
#include <unordered_map>

namespace govmon::http {

// At most `limit` holders per key at a time, FIFO, and a pause of `delay` between the release
// of one permit and the start of the next holder of the same key (politeness). Single-threaded
// by design: every call runs on the client's one io_context thread, so there is no mutex;
// parked coroutines wait on a timer that release() cancels (no channels on Boost 1.74).
class host_gate {
public:
    class permit {
    public:
        permit() = default;
        permit(permit&& other) noexcept;
        permit& operator=(permit&& other) noexcept;
        permit(const permit&) = delete;
        permit& operator=(const permit&) = delete;
        ~permit();
        void release() noexcept;
        explicit operator bool() const noexcept { return gate_ != nullptr; }

    private:
        friend class host_gate;
        permit(host_gate* gate, std::string key) : gate_(gate), key_(std::move(key)) {}
        host_gate* gate_ = nullptr;
        std::string key_;
    };

    // limit <= 0: unlimited.
    host_gate(int limit, std::chrono::milliseconds delay);
    host_gate(const host_gate&) = delete;
    host_gate& operator=(const host_gate&) = delete;

    asio::awaitable<permit> acquire(std::string key);

    int in_flight(const std::string& key) const;
    int waiting(const std::string& key) const;

private:
    struct waiter {
        asio::steady_timer* timer;
        bool granted = false;
    };
    struct state {
        int in_flight = 0;
        std::deque<waiter*> waiters;
        std::chrono::steady_clock::time_point last_release{};
    };
    void release(const std::string& key) noexcept;
    void prune() noexcept;

    int limit_;
    std::chrono::milliseconds delay_;
    std::unordered_map<std::string, state> states_;
};

} // namespace govmon::http
