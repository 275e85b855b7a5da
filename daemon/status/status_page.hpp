#pragma once

#include "daemon/metrics/served_page.hpp"

#include <spdlog/logger.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

class metrics;
class rectification_plan;

// The status page of the metrics listener: `/` (every unit), `/unit/ID` and `/target/ID`.
// Each request reads the database on a read-only connection of its own, so it answers while a
// cycle writes; it never writes. Safe to call from any thread.
class status_page {
public:
    // `rectification` gives the findings their due dates (none: no due dates shown).
    status_page(std::string database, std::map<std::string, std::string> unit_names,
                std::shared_ptr<const rectification_plan> rectification, metrics& stats,
                std::shared_ptr<spdlog::logger> log);

    // After a reload: units may have been renamed.
    void set_unit_names(std::map<std::string, std::string> unit_names);
    // After a reload: the rules, the calendar or the zone may have changed.
    void set_rectification(std::shared_ptr<const rectification_plan> rectification);

    // The page for a request's decoded path, or nothing for a path that is not the page's.
    std::optional<served_page> answer(std::string_view path) const;

private:
    std::string database_;
    metrics& stats_;
    std::shared_ptr<spdlog::logger> log_;
    mutable std::mutex mutex_;
    std::shared_ptr<const std::map<std::string, std::string>> unit_names_;
    std::shared_ptr<const rectification_plan> rectification_;
};

} // namespace govmon
