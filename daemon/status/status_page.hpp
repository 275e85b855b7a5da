#pragma once

#include "daemon/metrics/served_page.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

class metrics;

// The status page of the metrics listener: `/` (every unit), `/unit/ID` and `/target/ID`.
// Each request reads the database on a read-only connection of its own, so it answers while a
// cycle writes; it never writes. Safe to call from any thread.
class status_page {
public:
    status_page(std::string database, std::map<std::string, std::string> unit_names,
                metrics& stats);

    // After a reload: units may have been renamed.
    void set_unit_names(std::map<std::string, std::string> unit_names);

    // The page for a request's decoded path, or nothing for a path that is not the page's.
    std::optional<served_page> answer(std::string_view path) const;

private:
    std::string database_;
    metrics& stats_;
    mutable std::mutex mutex_;
    std::shared_ptr<const std::map<std::string, std::string>> unit_names_;
};

} // namespace govmon
