#include "probes/http/host_gate.hpp"

#include <algorithm>

namespace govmon::http {

host_gate::permit::permit(permit&& other) noexcept
    : gate_(std::exchange(other.gate_, nullptr)), key_(std::move(other.key_)) {}

host_gate::permit& host_gate::permit::operator=(permit&& other) noexcept {
    if (this != &other) {
        release();
        gate_ = std::exchange(other.gate_, nullptr);
        key_ = std::move(other.key_);
    }
    return *this;
}

host_gate::permit::~permit() {
    release();
}

void host_gate::permit::release() noexcept {
    if (auto* gate = std::exchange(gate_, nullptr))
        gate->release(key_);
}

host_gate::host_gate(int limit, std::chrono::milliseconds delay) : limit_(limit), delay_(delay) {}

int host_gate::in_flight(const std::string& key) const {
    auto it = states_.find(key);
    return it == states_.end() ? 0 : it->second.in_flight;
}

int host_gate::waiting(const std::string& key) const {
    auto it = states_.find(key);
    return it == states_.end() ? 0 : static_cast<int>(it->second.waiters.size());
}

asio::awaitable<host_gate::permit> host_gate::acquire(std::string key) {
    auto executor = co_await asio::this_coro::executor;
    if (states_.size() > 4096)
        prune();
    auto& st = states_[key];
    if (limit_ <= 0 || (st.in_flight < limit_ && st.waiters.empty())) {
        ++st.in_flight;
    } else {
        asio::steady_timer wake_up{executor, asio::steady_timer::time_point::max()};
        waiter w{&wake_up};
        st.waiters.push_back(&w);
        // If this frame is destroyed while parked (io_context torn down), unregister, and hand
        // back a slot that release() already passed to us.
        struct guard {
            host_gate* gate;
            const std::string* key;
            waiter* w;
            bool armed = true;
            ~guard() {
                if (!armed)
                    return;
                if (w->granted) {
                    gate->release(*key);
                    return;
                }
                auto st_it = gate->states_.find(*key);
                if (st_it == gate->states_.end())
                    return;
                auto& waiters = st_it->second.waiters;
                if (auto it = std::find(waiters.begin(), waiters.end(), w); it != waiters.end())
                    waiters.erase(it);
            }
        } g{this, &key, &w};
        while (!w.granted) {
            boost::system::error_code ec;
            co_await wake_up.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        g.armed = false;
    }
    permit p{this, key};
    // states_ may have rehashed while we were parked: look the state up again.
    auto ready_at = states_[key].last_release + delay_;
    if (delay_.count() > 0 && ready_at > std::chrono::steady_clock::now()) {
        asio::steady_timer pause{executor, ready_at};
        boost::system::error_code ec;
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    co_return p;
}

void host_gate::release(const std::string& key) noexcept {
    auto it = states_.find(key);
    if (it == states_.end())
        return;
    auto& st = it->second;
    st.last_release = std::chrono::steady_clock::now();
    if (!st.waiters.empty()) {
        // The slot passes straight to the oldest waiter: in_flight stays the same.
        waiter* next = st.waiters.front();
        st.waiters.pop_front();
        next->granted = true;
        next->timer->cancel();
        return;
    }
    if (st.in_flight > 0)
        --st.in_flight;
}

void host_gate::prune() noexcept {
    auto now = std::chrono::steady_clock::now();
    for (auto it = states_.begin(); it != states_.end();) {
        if (it->second.in_flight == 0 && it->second.waiters.empty() &&
            it->second.last_release + delay_ < now)
            it = states_.erase(it);
        else
            ++it;
    }
}

} // namespace govmon::http
