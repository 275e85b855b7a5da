#pragma once

#include "daemon/common/zone_rules.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// govmon stores UTC epoch seconds and shows them in one configured zone. Whoever formats on
// another thread (the alert worker) is handed its zone with its settings; the rest read the
// default zone, an immutable zone_rules replaced whole at start-up and on reload. Neither ever
// touches the process's TZ.
std::shared_ptr<const zone_rules> load_time_zone(const std::string& name);
bool is_known_time_zone(const std::string& name);

// Returns false (and changes nothing) when the zone is not in the system's tz database.
bool set_default_time_zone(const std::string& name);
std::shared_ptr<const zone_rules> default_time_zone();

// 2026-11-22T09:30:00+08:00
std::string format_iso8601(std::int64_t epoch_seconds);
std::string format_iso8601(std::int64_t epoch_seconds, const zone_rules& zone);
// The same, appended to `out` without a temporary (export writes millions).
void append_iso8601(std::string& out, std::int64_t epoch_seconds, const zone_rules& zone);

// A UTC instant's wall-clock reading in a zone.
struct local_time {
    int year = 1970, month = 1, day = 1; // month and day from 1
    int hour = 0, minute = 0, second = 0;
    int weekday = 4; // 0 is Sunday
    long offset_seconds = 0;
};
local_time local_time_of(std::int64_t epoch_seconds, const zone_rules& zone);

// Midnight at the start of a YYYY-MM-DD day in the zone (the default one without it).
std::optional<std::int64_t> parse_local_date(std::string_view yyyy_mm_dd);
std::optional<std::int64_t> parse_local_date(std::string_view yyyy_mm_dd, const zone_rules& zone);

// [start, end) of a quarter such as "2026Q3" in the zone (the default one without it).
struct time_range {
    std::int64_t from = 0;
    std::int64_t to = 0;
};
std::optional<time_range> parse_quarter(std::string_view quarter);
std::optional<time_range> parse_quarter(std::string_view quarter, const zone_rules& zone);

std::int64_t now_epoch_seconds();

} // namespace govmon
