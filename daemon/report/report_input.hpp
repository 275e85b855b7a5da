#pragma once

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/rectification_due.hpp"
#include "daemon/store/report_rows.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

// What the quarterly report is computed from: the store's rows (report_rows.hpp) and what only
// the config knows.
namespace govmon {

// From the config: what the database does not hold.
struct report_context {
    std::string quarter_name; // 2026Q3
    std::string previous_name;
    time_range quarter;
    time_range previous;
    std::int64_t generated_at = 0;
    std::map<std::string, std::string> site_levels; // site id -> 省级/市级/县级/其他
    std::map<std::string, std::string> unit_names;  // unit id -> name
    std::shared_ptr<const rectification_plan> rectification; // none: no deadlines shown
};

} // namespace govmon
