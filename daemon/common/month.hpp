#pragma once

#include "daemon/common/time_zone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// A calendar month in the configured zone; what `report --month` names (the monthly self-check,
// 月度自查).
struct month {
    int year = 0;
    int number = 1; // 1..12

    friend bool operator==(const month&, const month&) = default;
};

// "2026-11", or "current" (the month holding `now`) or "last" (the one before it).
std::optional<month> resolve_month(std::string_view text, std::int64_t now);

month previous_month(month m);
// [the 1st 00:00, the 1st of the next month 00:00) in the process zone.
time_range range_of(month m);
// "2026-11": the name files use.
std::string name_of(month m);
// "2026年11月": the name headings use.
std::string heading_of(month m);

} // namespace govmon
