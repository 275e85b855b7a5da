#pragma once

#include <cstdint>

namespace govmon {

// How finely the source stated a date.
enum class date_precision { second, minute, hour, day };

// One date as govmon read it: a UTC instant (epoch seconds) and its precision.
struct parsed_date {
    std::int64_t instant = 0;
    date_precision precision = date_precision::second;

    friend bool operator==(const parsed_date&, const parsed_date&) = default;
};

// The last second the source's statement covers. A day-precision date ("2026-11-02") is stored
// as the start of that Beijing day but may mean any moment of it, so freshness checks must use
// its end (23:59:59 +08:00): a post dated "today" must never look a day older than it is
// (platforms.md §12.3 rule 5). Finer precisions are returned unchanged: an error below an hour
// cannot move a verdict that is counted in days, and relative strings ("3小时前") already
// resolve to their latest possible instant.
std::int64_t latest_instant(const parsed_date& date) noexcept;

} // namespace govmon
