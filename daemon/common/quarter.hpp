#pragma once

#include "daemon/common/time_zone.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// A calendar quarter in the configured zone; what `--quarter` names.
struct quarter {
    int year = 0;
    int number = 1; // 1..4

    friend bool operator==(const quarter&, const quarter&) = default;
};

// "2026Q3", or "current" (the quarter holding `now`) or "last" (the one before it), so that a
// timer can ask for the quarter that just ended without computing its name.
std::optional<quarter> resolve_quarter(std::string_view text, std::int64_t now);

quarter quarter_of(std::int64_t epoch_seconds);
quarter previous_quarter(quarter q);
// [first day 00:00, first day of the next quarter 00:00) in the process zone.
time_range range_of(quarter q);
// "2026Q3": the name files and headings use.
std::string name_of(quarter q);

} // namespace govmon
