#pragma once

#include "probes/http/net.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace govmon::http {

// One TCP (or TLS over TCP) connection; kept in the pool between requests when keep-alive holds.
struct connection {
    std::unique_ptr<beast::tcp_stream> plain;
    std::unique_ptr<ssl::stream<beast::tcp_stream>> tls;
    beast::flat_buffer buffer;
    std::string remote;
    std::optional<std::int64_t> cert_not_after;
    std::chrono::steady_clock::time_point idle_since{};

    beast::tcp_stream& lowest() { return tls ? tls->next_layer() : *plain; }
};

// Idle keep-alive connections per origin ("scheme://authority"): at most two each, the newest
// handed out first, none older than 30 s idle (servers close theirs soon after).
class connection_pool {
public:
    // An idle connection to the origin, or nullptr.
    std::unique_ptr<connection> take(const std::string& origin);
    void put(const std::string& origin, std::unique_ptr<connection> conn);

private:
    std::unordered_map<std::string, std::deque<std::unique_ptr<connection>>> idle_;
};

} // namespace govmon::http
