#pragma once

#include <cstdint>

namespace govmon {

// Civil-calendar arithmetic for the date parsers: proleptic Gregorian, no time zone database.
// Beijing time has had a fixed +08:00 offset since 1991, which is all govmon ever needs.
inline constexpr std::int64_t seconds_per_day = 86400;
inline constexpr std::int64_t beijing_utc_offset = 8 * 3600;

struct civil_date {
    int year = 1970;
    int month = 1;
    int day = 1;
};

bool is_valid_civil_date(int year, int month, int day) noexcept;

// Days since 1970-01-01 (negative before it).
std::int64_t days_from_civil(civil_date date) noexcept;
civil_date civil_from_days(std::int64_t days) noexcept;

// The Beijing calendar day an instant falls on, and the instant that day begins.
std::int64_t beijing_day_number(std::int64_t instant) noexcept;
std::int64_t beijing_day_start(std::int64_t day_number) noexcept;

} // namespace govmon
