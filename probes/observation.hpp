#pragma once

#include "error_class.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace govmon {

// One probe run, as the store keeps it and `govmon export` prints it (interface.md §4).
// Times are UTC epoch seconds. `detail` is a JSON object with probe-specific figures.
struct observation {
    std::int64_t time = 0;
    std::string target;      // config id of the site or account
    std::string target_kind; // "site" or "account"
    std::string probe;       // "availability", "crawl", "column", "account"
    std::string url;
    bool ok = false;
    std::optional<int> http_status;
    std::int64_t latency_ms = 0;
    error_class error = error_class::none;
    std::optional<std::int64_t> last_update;
    std::string detail = "{}";
};

} // namespace govmon
