#pragma once

#include "daemon/config/config.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// The outcome of reading one quantity from config text: a value, or why there is none.
template <typename T> struct parsed {
    std::optional<T> value;
    std::string error;

    static parsed ok(T v) { return {std::move(v), {}}; }
    static parsed fail(std::string why) { return {std::nullopt, std::move(why)}; }
    explicit operator bool() const { return value.has_value(); }
};

// "500ms", "15s", "1m", "2h", "14d", "1w" and combinations such as "1h30m". A bare number is
// refused: "15" could mean seconds or minutes, and guessing wrong silently shifts a schedule.
parsed<duration> parse_duration(std::string_view text);

// "8MiB", "512KiB", "1GiB", "1MB" (decimal, 1000^2), "4096" or "4096B" (bytes).
parsed<std::uint64_t> parse_size(std::string_view text);

// "10%" or "0.1" -> 0.1. The range is the caller's business.
parsed<double> parse_fraction(std::string_view text);

// Decimal integer, optional leading '-', nothing else (no "1e3", no "0x10", no "+5").
parsed<std::int64_t> parse_integer(std::string_view text);

// The shortest exact spelling of a duration, in days at most: "14d", "90m", "1500ms".
std::string format_duration(duration d);

} // namespace govmon
