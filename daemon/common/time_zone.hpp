#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// govmon stores UTC epoch seconds and shows them in one configured zone. The zone is the
// process's (TZ), set once at start-up and on reload, before any other thread formats times.
// Returns false (and changes nothing) when the zone is not in the system's tz database.
bool set_process_time_zone(const std::string& name);
bool is_known_time_zone(const std::string& name);

// 2026-11-22T09:30:00+08:00
std::string format_iso8601(std::int64_t epoch_seconds);
// The same, appended to `out` without a temporary (export writes millions).
void append_iso8601(std::string& out, std::int64_t epoch_seconds);

// Midnight at the start of a YYYY-MM-DD day in the process zone.
std::optional<std::int64_t> parse_local_date(std::string_view yyyy_mm_dd);

// [start, end) of a quarter such as "2026Q3" in the process zone.
struct time_range {
    std::int64_t from = 0;
    std::int64_t to = 0;
};
std::optional<time_range> parse_quarter(std::string_view quarter);

std::int64_t now_epoch_seconds();

} // namespace govmon
