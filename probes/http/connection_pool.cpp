#include "probes/http/connection_pool.hpp"

namespace govmon::http {

namespace {

constexpr auto idle_timeout = std::chrono::seconds(30);
constexpr std::size_t max_idle_per_origin = 2;

} // namespace

std::unique_ptr<connection> connection_pool::take(const std::string& origin) {
    auto it = idle_.find(origin);
    if (it == idle_.end())
        return nullptr;
    auto& list = it->second;
    auto now = std::chrono::steady_clock::now();
    while (!list.empty()) {
        auto conn = std::move(list.back());
        list.pop_back();
        if (now - conn->idle_since < idle_timeout)
            return conn;
    }
    idle_.erase(it);
    return nullptr;
}

void connection_pool::put(const std::string& origin, std::unique_ptr<connection> conn) {
    conn->idle_since = std::chrono::steady_clock::now();
    conn->lowest().expires_never();
    auto& list = idle_[origin];
    list.push_back(std::move(conn));
    while (list.size() > max_idle_per_origin)
        list.pop_front();
}

} // namespace govmon::http
