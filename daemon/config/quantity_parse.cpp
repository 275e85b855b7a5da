#include "daemon/config/quantity_parse.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace govmon {

namespace {

struct unit_factor {
    std::string_view suffix;
    std::int64_t factor;
};

constexpr std::int64_t ms_per_second = 1000;
constexpr std::int64_t ms_per_minute = 60 * ms_per_second;
constexpr std::int64_t ms_per_hour = 60 * ms_per_minute;
constexpr std::int64_t ms_per_day = 24 * ms_per_hour;
constexpr std::int64_t ms_per_week = 7 * ms_per_day;

// Largest unit first: format_duration relies on that order.
constexpr std::array<unit_factor, 6> duration_units{{
    {"w", ms_per_week},
    {"d", ms_per_day},
    {"h", ms_per_hour},
    {"m", ms_per_minute},
    {"s", ms_per_second},
    {"ms", 1},
}};

struct size_unit {
    std::string_view suffix;
    std::uint64_t factor;
};

constexpr std::array<size_unit, 11> size_units{{
    {"B", 1},
    {"KiB", 1ull << 10},
    {"MiB", 1ull << 20},
    {"GiB", 1ull << 30},
    {"TiB", 1ull << 40},
    {"kB", 1000ull},
    {"KB", 1000ull},
    {"MB", 1000ull * 1000},
    {"GB", 1000ull * 1000 * 1000},
    {"TB", 1000ull * 1000 * 1000 * 1000},
    {"", 1},
}};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string quoted(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::optional<std::int64_t> duration_factor(std::string_view suffix) {
    for (const auto& unit : duration_units)
        if (unit.suffix == suffix)
            return unit.factor;
    return std::nullopt;
}

std::optional<std::uint64_t> size_factor(std::string_view suffix) {
    for (const auto& unit : size_units)
        if (unit.suffix == suffix)
            return unit.factor;
    return std::nullopt;
}

} // namespace

parsed<duration> parse_duration(std::string_view text) {
    if (text.empty())
        return parsed<duration>::fail("empty duration");
    if (text.front() == '-')
        return parsed<duration>::fail("negative duration " + quoted(text));
    std::int64_t total = 0;
    std::size_t pos = 0;
    bool last_part_had_unit = true;
    int parts = 0;
    while (pos < text.size()) {
        if (!is_digit(text[pos]))
            return parsed<duration>::fail("bad duration " + quoted(text) +
                                          " (write e.g. 500ms, 15s, 5m, 2h, 14d, 1w)");
        ++parts;
        std::uint64_t amount = 0;
        const auto [number_end, ec] =
            std::from_chars(text.data() + pos, text.data() + text.size(), amount);
        if (ec == std::errc::result_out_of_range)
            return parsed<duration>::fail("duration " + quoted(text) + " is too large");
        pos = static_cast<std::size_t>(number_end - text.data());
        const std::size_t unit_start = pos;
        while (pos < text.size() && is_letter(text[pos]))
            ++pos;
        const std::string_view suffix = text.substr(unit_start, pos - unit_start);
        if (suffix.empty()) {
            last_part_had_unit = false;
            break;
        }
        const auto factor = duration_factor(suffix);
        if (!factor)
            return parsed<duration>::fail("unknown unit '" + std::string(suffix) +
                                          "' in duration " + quoted(text) +
                                          " (units: ms, s, m, h, d, w)");
        const auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (amount > max / static_cast<std::uint64_t>(*factor) ||
            amount * static_cast<std::uint64_t>(*factor) > max - static_cast<std::uint64_t>(total))
            return parsed<duration>::fail("duration " + quoted(text) + " is too large");
        total += static_cast<std::int64_t>(amount) * *factor;
    }
    if (!last_part_had_unit) {
        if (pos < text.size() || parts > 1)
            return parsed<duration>::fail("bad duration " + quoted(text) +
                                          " (write e.g. 500ms, 15s, 5m, 2h, 14d, 1w)");
        return parsed<duration>::fail("duration " + quoted(text) + " has no unit (write e.g. " +
                                      std::string(text) + "s, " + std::string(text) + "m or " +
                                      std::string(text) + "h)");
    }
    return parsed<duration>::ok(duration(total));
}

parsed<std::uint64_t> parse_size(std::string_view text) {
    if (text.empty())
        return parsed<std::uint64_t>::fail("empty size");
    if (!is_digit(text.front()))
        return parsed<std::uint64_t>::fail("bad size " + quoted(text) +
                                           " (write e.g. 8MiB, 512KiB, 1GiB, 1MB or bytes)");
    std::uint64_t amount = 0;
    const auto [number_end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
    if (ec == std::errc::result_out_of_range)
        return parsed<std::uint64_t>::fail("size " + quoted(text) + " is too large");
    const std::string_view suffix = text.substr(static_cast<std::size_t>(number_end - text.data()));
    const auto factor = size_factor(suffix);
    if (!factor)
        return parsed<std::uint64_t>::fail("bad size " + quoted(text) +
                                           " (units: B, KiB, MiB, GiB, TiB, kB, MB, GB, TB)");
    if (amount > std::numeric_limits<std::uint64_t>::max() / *factor)
        return parsed<std::uint64_t>::fail("size " + quoted(text) + " is too large");
    return parsed<std::uint64_t>::ok(amount * *factor);
}

parsed<double> parse_fraction(std::string_view text) {
    const bool percent = !text.empty() && text.back() == '%';
    const std::string_view number = percent ? text.substr(0, text.size() - 1) : text;
    if (number.empty())
        return parsed<double>::fail("empty number");
    double value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value,
                                           std::chars_format::fixed);
    if (ec != std::errc{} || end != number.data() + number.size() || !std::isfinite(value))
        return parsed<double>::fail("bad number " + quoted(text) + " (write e.g. 10% or 0.1)");
    return parsed<double>::ok(percent ? value / 100.0 : value);
}

parsed<std::int64_t> parse_integer(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
        return parsed<std::int64_t>::fail("number " + quoted(text) + " is too large");
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size())
        return parsed<std::int64_t>::fail("expected a whole number, got " + quoted(text));
    return parsed<std::int64_t>::ok(value);
}

std::string format_duration(duration d) {
    const std::int64_t ms = d.count();
    if (ms == 0)
        return "0s";
    // Days rather than weeks: thresholds are thought of in days (14d, 183d), not 2w.
    for (const auto& unit : duration_units)
        if (unit.suffix != "w" && ms % unit.factor == 0)
            return std::to_string(ms / unit.factor) + std::string(unit.suffix);
    return std::to_string(ms) + "ms";
}

} // namespace govmon
