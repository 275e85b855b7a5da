#include "probes/dates/date_parse.hpp"

#include "probes/dates/date_grammar.hpp"
#include "probes/dates/relative_date.hpp"
#include "probes/dates/text_normalize.hpp"
#include "text/ascii_text.hpp"

#include <array>

namespace govmon {
namespace {

using namespace date_grammar;

// List pages wrap dates as [11-02], (11-02), 【11-02】.
std::string_view strip_brackets(std::string_view s) noexcept {
    constexpr std::array<std::pair<std::string_view, std::string_view>, 3> pairs{{
        {"[", "]"},
        {"(", ")"},
        {"【", "】"},
    }};
    for (const auto& [open, close] : pairs)
        if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close))
            return trim_ascii_space(s.substr(open.size(), s.size() - open.size() - close.size()));
    return s;
}

int to_int(std::string_view digits) noexcept {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

// feedparser's rule for RFC 822 two-digit years: 00–89 are 20xx, 90–99 are 19xx.
int expand_two_digit_year(int year) noexcept {
    return year < 90 ? 2000 + year : 1900 + year;
}

std::optional<parsed_date> finish(scanner& s, const date_fields& fields) noexcept {
    s.skip_spaces();
    return s.at_end() ? to_parsed_date(fields) : std::nullopt;
}

// 20261120, 20261120T1000[00][zone], and the CMS meta form 202611201000[00].
std::optional<parsed_date> read_basic_iso(scanner& s) noexcept {
    const std::string_view run = s.digit_run();
    date_fields fields{
        {to_int(run.substr(0, 4)), to_int(run.substr(4, 2)), to_int(run.substr(6, 2))},
        std::nullopt,
        std::nullopt};
    std::string_view clock = run.substr(8);
    if (clock.empty() && (s.eat('T') || s.eat('t'))) {
        clock = s.digit_run();
        if (clock.size() != 4 && clock.size() != 6)
            return std::nullopt;
        fields.utc_offset = read_zone(s, text_kind::field);
    }
    if (!clock.empty()) {
        clock_time t{to_int(clock.substr(0, 2)), to_int(clock.substr(2, 2)), 0, clock.size() == 6};
        if (t.has_seconds)
            t.second = to_int(clock.substr(4, 2));
        if (t.hour > 23 || t.minute > 59 || t.second > 59)
            return std::nullopt;
        fields.time = t;
    }
    return finish(s, fields);
}

// Everything that starts with a digit: full dates, basic ISO, year-less dates.
std::optional<parsed_date> read_numeric(scanner& s, std::int64_t now) noexcept {
    const std::size_t run = s.digit_run_length();
    if (run == 8 || run == 12 || run == 14)
        return read_basic_iso(s);
    if (run == 4) {
        const auto date = read_year_month_day(s);
        if (!date)
            return std::nullopt;
        const auto [time, offset] = read_optional_time_and_zone(s, text_kind::field);
        return finish(s, {*date, time, offset});
    }
    const auto date = read_month_day(s, text_kind::field);
    if (!date)
        return std::nullopt;
    const auto [time, offset] = read_optional_time_and_zone(s, text_kind::field);
    s.skip_spaces();
    // A zone on a year-less date is not a format anyone emits: refuse rather than guess.
    if (offset || !s.at_end())
        return std::nullopt;
    return with_inferred_year(*date, time, now);
}

void skip_spaces_and(scanner& s, char punctuation) noexcept {
    s.skip_spaces();
    if (s.eat(punctuation))
        s.skip_spaces();
}

std::optional<int> read_rfc822_year(scanner& s) noexcept {
    const std::size_t digits = s.digit_run_length();
    if (digits != 2 && digits != 4)
        return std::nullopt;
    const int year = *s.number(digits, digits);
    return digits == 2 ? expand_two_digit_year(year) : year;
}

// "01 Jan 2004 19:48:21 GMT", "5 Apr 2012 10:00", "13 Feb, 2012", "01 Jan 04".
std::optional<parsed_date> read_day_month_year(scanner& s) noexcept {
    const auto day = s.number(1, 2);
    skip_spaces_and(s, '-');
    const auto month = month_from_name(s.word());
    skip_spaces_and(s, ',');
    if (s.eat('-'))
        s.skip_spaces();
    const auto year = read_rfc822_year(s);
    if (!day || !month || !year)
        return std::nullopt;
    const auto [time, offset] = read_optional_time_and_zone(s, text_kind::field);
    return finish(s, {{*year, *month, *day}, time, offset});
}

// "Aug 30 2012 17:26:16 +0200", "November 2, 2026", and asctime / Weibo / Twitter
// "Jan  4 16:29:06 2004", "Nov 21 10:00:00 +0800 2026" (year after time and zone).
std::optional<parsed_date> read_month_day_year(scanner& s) noexcept {
    const auto month = month_from_name(s.word());
    s.skip_spaces();
    const auto day = s.number(1, 2);
    skip_spaces_and(s, ',');
    if (!month || !day)
        return std::nullopt;
    if (s.digit_run_length() == 4) {
        const int year = *s.number(4, 4);
        const auto [time, offset] = read_optional_time_and_zone(s, text_kind::field);
        return finish(s, {{year, *month, *day}, time, offset});
    }
    const auto [time, offset] = read_optional_time_and_zone(s, text_kind::field);
    s.skip_spaces();
    const auto year = s.number(4, 4);
    if (!time || !year)
        return std::nullopt;
    return finish(s, {{*year, *month, *day}, time, offset});
}

// Dates led by a weekday or an English month name; a wrong weekday is ignored, as feedparser
// does. "Fri, 2006/09/15 08:19:53 EDT" (Perforce) continues as a numeric date.
std::optional<parsed_date> read_english(scanner& s, std::int64_t now) noexcept {
    const std::size_t start = s.position();
    if (is_weekday_name(s.word()))
        skip_spaces_and(s, ',');
    else
        s.rewind(start);
    if (s.digit_run_length() == 4)
        return read_numeric(s, now);
    if (is_digit(s.peek()))
        return read_day_month_year(s);
    return read_month_day_year(s);
}

} // namespace

std::optional<parsed_date> parse_date(std::string_view text, std::int64_t now) {
    const normalized_text normalized = normalize_date_text(text);
    const std::string_view value = strip_brackets(trim_ascii_space(normalized.text));
    if (value.empty())
        return std::nullopt;
    if (auto relative = parse_relative_date(value, now))
        return relative;
    scanner s(value);
    if (auto numeric = read_numeric(s, now))
        return numeric;
    s.rewind(0);
    return read_english(s, now);
}

std::optional<parsed_date> parse_unix_timestamp(std::string_view text) {
    const std::string_view digits = trim_ascii_space(text);
    if (digits.size() != 10 && digits.size() != 13)
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : digits) {
        if (!is_digit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return parsed_date{digits.size() == 13 ? value / 1000 : value, date_precision::second};
}

} // namespace govmon
