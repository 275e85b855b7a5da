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

// What a report covers: a calendar quarter (季度检查通报), a month (月度自查), or any check
// window (检查通报 for 9月13日–26日). The figures are made alike; the words differ.
enum class report_period { quarter, month, window };

// From the config: what the database does not hold. `quarter` is the period reported on,
// whatever its length, and `previous` the one before it (环比, 复核).
struct report_context {
    report_period period = report_period::quarter;
    std::string quarter_name; // 2026Q3, 2026年11月, 2026-09-13至2026-09-26
    std::string previous_name;
    time_range quarter;
    time_range previous;
    std::int64_t generated_at = 0;
    std::map<std::string, std::string> site_levels; // site id -> 省级/市级/县级/其他
    std::map<std::string, std::string> unit_names;  // unit id -> name
    std::shared_ptr<const rectification_plan> rectification; // none: no deadlines shown
};

} // namespace govmon
