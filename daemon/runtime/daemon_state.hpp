#pragma once

#include "daemon/config/config.hpp"
#include "daemon/metrics/metrics.hpp"
#include "daemon/store/store.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <utility>

namespace govmon {

namespace http {
class client;
}

struct scheduled_probe {
    std::string target;
    std::string probe; // "availability"
    std::int64_t next_due = 0;
    bool in_flight = false;
};

// What the running daemon shares between its scheduler and its probe jobs. Touched only from
// the one io_context thread.
struct daemon_state {
    daemon_state(config c, store& s, metrics& m) : cfg(std::move(c)), db(s), stats(m) {}

    config cfg;
    store& db;
    metrics& stats;
    std::shared_ptr<http::client> client; // replaced on reload; running jobs keep the old one
    std::map<std::string, scheduled_probe> availability; // by target id
    std::set<std::string> round_pending; // sites not yet probed in the current round
    std::mt19937_64 random{std::random_device{}()};
    int jobs_in_flight = 0;
    int failed_writes = 0;

    double spread() { return std::uniform_real_distribution<double>(0.0, 1.0)(random); }
};

} // namespace govmon
