#pragma once

#include "daemon/cli/arguments.hpp"
#include "daemon/report/report_input.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace govmon {

// The period `govmon report` covers and the one before it, with their names.
struct report_window {
    report_period period = report_period::quarter;
    std::string name;          // heading: 2026Q3, 2026年11月, 2026-09-13至2026-09-26
    std::string previous_name; // the period before, for 环比 and 复核
    std::string file_period;   // --output DIR names: 2026Q3, 2026-11, 2026-09-13_2026-09-27
    time_range range;
    time_range previous;
};

constexpr const char* report_window_usage =
    "give --quarter YYYYQn|last|current, --month YYYY-MM|last|current, or --from YYYY-MM-DD "
    "--to YYYY-MM-DD (to excluded)";

// --quarter, --month, or --from and --to (half-open like export's: --to is the day after the
// window's last), in the configured zone; nothing when none or more than one is given, or one is
// malformed. A --from/--to window's previous period is the window of the same length before it.
std::optional<report_window> report_window_of(const arguments& args, std::int64_t now);

} // namespace govmon
