#include "probes/dates/relative_date.hpp"

#include "probes/dates/calendar.hpp"
#include "probes/dates/date_grammar.hpp"

#include <array>

namespace govmon {
namespace {

using date_grammar::scanner;

struct elapsed_unit {
    std::string_view name;
    std::int64_t seconds;
    date_precision precision;
};

// Longer names first: 秒钟 must win over 秒.
constexpr std::array<elapsed_unit, 10> elapsed_units{{
    {"秒钟", 1, date_precision::second},
    {"秒鐘", 1, date_precision::second},
    {"秒", 1, date_precision::second},
    {"分钟", 60, date_precision::minute},
    {"分鐘", 60, date_precision::minute},
    {"个小时", 3600, date_precision::hour},
    {"個小時", 3600, date_precision::hour},
    {"小时", 3600, date_precision::hour},
    {"小時", 3600, date_precision::hour},
    {"天", seconds_per_day, date_precision::day},
}};

constexpr std::array<std::pair<std::string_view, int>, 3> day_words{{
    {"今天", 0},
    {"昨天", 1},
    {"前天", 2},
}};

std::optional<parsed_date> at_end(scanner& s, parsed_date date) {
    s.skip_spaces();
    return s.at_end() ? std::optional<parsed_date>(date) : std::nullopt;
}

// "N秒前", "N分钟前", "N小时前", "N天前". A count rounded down by the site, so the result is
// the latest moment it can mean.
std::optional<parsed_date> read_elapsed(scanner& s, std::int64_t now) {
    const auto count = s.number(1, 6);
    if (!count)
        return std::nullopt;
    for (const auto& unit : elapsed_units) {
        if (!s.eat(unit.name))
            continue;
        if (!s.eat("前"))
            return std::nullopt;
        if (unit.precision == date_precision::day)
            return at_end(
                s, {beijing_day_start(beijing_day_number(now) - *count), date_precision::day});
        return at_end(s, {now - *count * unit.seconds, unit.precision});
    }
    return std::nullopt;
}

// "今天 10:00", "昨天 23:01", "前天" (a day without time keeps day precision).
std::optional<parsed_date> read_day_word(scanner& s, std::int64_t now) {
    for (const auto& [word, days_back] : day_words) {
        if (!s.eat(word))
            continue;
        const std::int64_t day_start = beijing_day_start(beijing_day_number(now) - days_back);
        s.skip_spaces();
        const auto time = date_grammar::read_clock_time(s);
        if (!time)
            return at_end(s, {day_start, date_precision::day});
        return at_end(s, {day_start + time->hour * 3600 + time->minute * 60 + time->second,
                          time->has_seconds ? date_precision::second : date_precision::minute});
    }
    return std::nullopt;
}

} // namespace

std::optional<parsed_date> parse_relative_date(std::string_view text, std::int64_t now) {
    scanner s(text);
    if (s.eat("刚刚") || s.eat("剛剛"))
        return at_end(s, {now, date_precision::second});
    if (auto elapsed = read_elapsed(s, now))
        return elapsed;
    s.rewind(0);
    return read_day_word(s, now);
}

} // namespace govmon
