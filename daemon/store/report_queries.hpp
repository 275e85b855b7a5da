#pragma once

#include "daemon/common/time_zone.hpp"
#include "daemon/store/report_rows.hpp"

#include <string>

namespace govmon {

// Reads what the quarterly report of `quarter` is computed from, on a read-only connection of
// its own (the daemon may be writing): every target, both quarters' observation tallies, and
// every finding that existed before the quarter's end with its events up to then.
// Throws store_error.
report_rows read_report_rows(const std::string& database, time_range quarter, time_range previous);

} // namespace govmon
