#include "probes/dates/parsed_date.hpp"

#include "probes/dates/calendar.hpp"

namespace govmon {

std::int64_t latest_instant(const parsed_date& date) noexcept {
    return date.precision == date_precision::day ? date.instant + seconds_per_day - 1
                                                 : date.instant;
}

} // namespace govmon
