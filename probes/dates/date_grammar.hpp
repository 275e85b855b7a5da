#pragma once

// The pieces parse_date and find_dates share. Every reader works on normalized text
// (text_normalize.hpp), consumes input only on success, and validates what it read.

#include "probes/dates/calendar.hpp"
#include "probes/dates/parsed_date.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace govmon::date_grammar {

// A date that claims a year outside this range is a placeholder or garbage, not a post.
inline constexpr int earliest_year = 1900;
inline constexpr int latest_year = 2199;

// How far ahead of `now` a year-less date may end and still be read as this year's: a page
// dated "today" by a clock a little fast must not jump back a whole year.
inline constexpr std::int64_t year_inference_skew = seconds_per_day;

class scanner {
public:
    explicit scanner(std::string_view text, std::size_t pos = 0) noexcept
        : text_(text), pos_(pos) {}

    std::size_t position() const noexcept { return pos_; }
    void rewind(std::size_t pos) noexcept { pos_ = pos; }
    bool at_end() const noexcept { return pos_ >= text_.size(); }
    char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
    bool eat(char c) noexcept;
    bool eat(std::string_view literal) noexcept;
    void skip_spaces() noexcept;
    std::size_t digit_run_length() const noexcept;
    std::string_view digit_run() noexcept;
    // The whole run of digits, if its length is within bounds; nothing is consumed otherwise.
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits) noexcept;
    std::string_view word() noexcept; // a run of ASCII letters

private:
    std::string_view text_;
    std::size_t pos_;
};

// Where the text comes from decides how much the readers may guess.
enum class text_kind {
    field,     // one value from a feed or API field: zone names, spaced zones, 1-digit MM-DD
    free_text, // inside a web page: only patterns that rarely occur by accident
};

struct clock_time {
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool has_seconds = false;
};

struct date_fields {
    civil_date date;
    std::optional<clock_time> time;
    std::optional<int> utc_offset; // seconds east of UTC; absent = Beijing time
};

struct month_day {
    int month = 1;
    int day = 1;
};

struct time_and_zone {
    std::optional<clock_time> time;
    std::optional<int> utc_offset;
};

bool is_digit(char c) noexcept;
bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept;

std::optional<int> month_from_name(std::string_view word) noexcept;
bool is_weekday_name(std::string_view word) noexcept;

// "10:00", "9:51:20", "10:14:55.538", "10时30分", "10时30分15秒".
std::optional<clock_time> read_clock_time(scanner& s) noexcept;
// "Z", "+0800", "+08:00", "-8", and for fields also "GMT", "GMT+8", "Etc/GMT", "CST", "EST"…
std::optional<int> read_zone(scanner& s, text_kind kind) noexcept;
// "2026-11-02", "2026/11/2", "2026.11.02", "2026年11月2日" (separators must agree).
std::optional<civil_date> read_year_month_day(scanner& s) noexcept;
// "11-02" (free text: two digits each), "11月2日", "11月2号".
std::optional<month_day> read_month_day(scanner& s, text_kind kind) noexcept;
// What may follow a date: " 10:00", "T10:00:00+08:00", " 10:00:00 CST"; nothing if absent.
time_and_zone read_optional_time_and_zone(scanner& s, text_kind kind) noexcept;

std::optional<parsed_date> to_parsed_date(const date_fields& fields) noexcept;
// A date without a year takes the most recent year that does not put it in the future.
std::optional<parsed_date> with_inferred_year(month_day date, const std::optional<clock_time>& time,
                                              std::int64_t now) noexcept;

} // namespace govmon::date_grammar
