#include "probes/dates/date_grammar.hpp"

#include "text/ascii_text.hpp"

#include <array>
#include <utility>

namespace govmon::date_grammar {
namespace {

constexpr int max_zone_hours = 14; // the easternmost real zone is +14:00

bool is_ascii_letter(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The RFC 822 zone names feedparser knows, with CST changed to +08:00: Chinese servers (Java's
// Date#toString in Asia/Shanghai, for one) print CST for China Standard Time, not US Central.
constexpr std::array<std::pair<std::string_view, int>, 21> zone_names{{
    {"ut", 0},   {"utc", 0},  {"gmt", 0},  {"z", 0},    {"cst", 8},  {"adt", -3}, {"ast", -4},
    {"at", -4},  {"edt", -4}, {"est", -5}, {"et", -5},  {"cdt", -5}, {"ct", -6},  {"mdt", -6},
    {"mst", -7}, {"mt", -7},  {"pdt", -7}, {"pst", -8}, {"pt", -8},  {"met", 1},  {"mest", 2},
}};

std::optional<int> zone_hours_from_name(std::string_view name) noexcept {
    for (const auto& [zone, hours] : zone_names)
        if (iequals_ascii(name, zone))
            return hours;
    return std::nullopt;
}

bool is_universal_zone(std::string_view name) noexcept {
    return iequals_ascii(name, "gmt") || iequals_ascii(name, "utc") || iequals_ascii(name, "ut");
}

int to_int(std::string_view digits) noexcept {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

// "+0800", "+08:00", "+08", "-8".
std::optional<int> read_signed_offset(scanner& s) noexcept {
    const std::size_t start = s.position();
    const auto fail = [&]() -> std::optional<int> {
        s.rewind(start);
        return std::nullopt;
    };
    const int sign = s.eat('+') ? 1 : s.eat('-') ? -1 : 0;
    const std::string_view run = s.digit_run();
    int hours = 0;
    int minutes = 0;
    if (sign != 0 && run.size() == 4) {
        hours = to_int(run.substr(0, 2));
        minutes = to_int(run.substr(2));
    } else if (sign != 0 && (run.size() == 1 || run.size() == 2)) {
        hours = to_int(run);
        if (s.eat(':')) {
            const auto m = s.number(2, 2);
            if (!m)
                return fail();
            minutes = *m;
        }
    } else {
        return fail();
    }
    if (hours > max_zone_hours || minutes > 59)
        return fail();
    return sign * (hours * 3600 + minutes * 60);
}

std::optional<int> read_named_zone(scanner& s) noexcept {
    const std::size_t start = s.position();
    std::string_view name = s.word();
    if (iequals_ascii(name, "etc") && s.eat('/'))
        name = s.word();
    const auto hours = zone_hours_from_name(name);
    if (!hours) {
        s.rewind(start);
        return std::nullopt;
    }
    if (is_universal_zone(name))
        if (const auto offset = read_signed_offset(s))
            return offset;
    return *hours * 3600;
}

bool is_date_separator(char c) noexcept {
    return c == '-' || c == '/' || c == '.';
}

std::optional<civil_date> read_chinese_month_day_tail(scanner& s, int year) noexcept {
    s.skip_spaces();
    const auto month = s.number(1, 2);
    s.skip_spaces();
    if (!month || !s.eat("月"))
        return std::nullopt;
    s.skip_spaces();
    const auto day = s.number(1, 2);
    s.skip_spaces();
    if (!day || !(s.eat("日") || s.eat("号")))
        return std::nullopt;
    return civil_date{year, *month, *day};
}

} // namespace

bool scanner::eat(char c) noexcept {
    if (peek() != c || at_end())
        return false;
    ++pos_;
    return true;
}

bool scanner::eat(std::string_view literal) noexcept {
    if (text_.substr(pos_).substr(0, literal.size()) != literal)
        return false;
    pos_ += literal.size();
    return true;
}

void scanner::skip_spaces() noexcept {
    while (!at_end() && is_space(text_[pos_]))
        ++pos_;
}

std::size_t scanner::digit_run_length() const noexcept {
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(text_[end]))
        ++end;
    return end - pos_;
}

std::string_view scanner::digit_run() noexcept {
    const std::size_t length = digit_run_length();
    const std::string_view run = text_.substr(pos_, length);
    pos_ += length;
    return run;
}

std::optional<int> scanner::number(std::size_t min_digits, std::size_t max_digits) noexcept {
    const std::size_t length = digit_run_length();
    if (length < min_digits || length > max_digits)
        return std::nullopt;
    return to_int(digit_run());
}

std::string_view scanner::word() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && is_ascii_letter(text_[pos_]))
        ++pos_;
    return text_.substr(start, pos_ - start);
}

bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

std::optional<int> month_from_name(std::string_view word) noexcept {
    constexpr std::array<std::string_view, 12> names{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (std::size_t i = 0; i < names.size(); ++i)
        if (iequals_ascii(word, names[i]) || iequals_ascii(word, names[i].substr(0, 3)))
            return static_cast<int>(i) + 1;
    return iequals_ascii(word, "sept") ? std::optional<int>(9) : std::nullopt;
}

bool is_weekday_name(std::string_view word) noexcept {
    constexpr std::array<std::string_view, 7> names{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
    for (const auto name : names)
        if (iequals_ascii(word, name) || iequals_ascii(word, name.substr(0, 3)))
            return true;
    return false;
}

std::optional<clock_time> read_clock_time(scanner& s) noexcept {
    const std::size_t start = s.position();
    clock_time t;
    const auto fail = [&]() -> std::optional<clock_time> {
        s.rewind(start);
        return std::nullopt;
    };
    const auto hour = s.number(1, 2);
    if (!hour)
        return fail();
    t.hour = *hour;
    if (s.eat(':')) {
        const auto minute = s.number(2, 2);
        if (!minute)
            return fail();
        t.minute = *minute;
        if (s.eat(':')) {
            const auto second = s.number(2, 2);
            if (!second)
                return fail();
            t.second = *second;
            t.has_seconds = true;
            // Fractions cannot move a day-scale verdict: read and dropped.
            if (s.eat('.') && s.digit_run().empty())
                return fail();
        }
    } else if (s.eat("时") || s.eat("點") || s.eat("点")) {
        const auto minute = s.number(1, 2);
        if (!minute || !s.eat("分"))
            return fail();
        t.minute = *minute;
        if (const auto second = s.number(1, 2)) {
            if (!s.eat("秒"))
                return fail();
            t.second = *second;
            t.has_seconds = true;
        }
    } else {
        return fail();
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 59)
        return fail();
    return t;
}

std::optional<int> read_zone(scanner& s, text_kind kind) noexcept {
    if (s.peek() == '+' || s.peek() == '-')
        return read_signed_offset(s);
    const std::size_t start = s.position();
    if (kind == text_kind::free_text) {
        if (iequals_ascii(s.word(), "z"))
            return 0;
        s.rewind(start);
        return std::nullopt;
    }
    return read_named_zone(s);
}

std::optional<civil_date> read_year_month_day(scanner& s) noexcept {
    const std::size_t start = s.position();
    const auto fail = [&]() -> std::optional<civil_date> {
        s.rewind(start);
        return std::nullopt;
    };
    const auto year = s.number(4, 4);
    if (!year)
        return fail();
    const std::size_t after_year = s.position();
    s.skip_spaces();
    if (s.eat("年")) {
        const auto date = read_chinese_month_day_tail(s, *year);
        return date ? date : fail();
    }
    s.rewind(after_year);
    const char separator = s.peek();
    if (!is_date_separator(separator) || !s.eat(separator))
        return fail();
    const auto month = s.number(1, 2);
    if (!month || !s.eat(separator))
        return fail();
    const auto day = s.number(1, 2);
    if (!day)
        return fail();
    return civil_date{*year, *month, *day};
}

std::optional<month_day> read_month_day(scanner& s, text_kind kind) noexcept {
    const std::size_t start = s.position();
    const std::size_t min_digits = kind == text_kind::free_text ? 2 : 1;
    if (const auto month = s.number(min_digits, 2); month && s.eat('-')) {
        if (const auto day = s.number(min_digits, 2))
            return month_day{*month, *day};
    }
    s.rewind(start);
    if (const auto date = read_chinese_month_day_tail(s, 0))
        return month_day{date->month, date->day};
    s.rewind(start);
    return std::nullopt;
}

time_and_zone read_optional_time_and_zone(scanner& s, text_kind kind) noexcept {
    const std::size_t start = s.position();
    const bool iso_separator = s.eat('T') || s.eat('t');
    if (!iso_separator)
        s.skip_spaces();
    const auto time = read_clock_time(s);
    if (!time) {
        s.rewind(start);
        return {};
    }
    // In page text "10:00-11:00" is a time range, not a zone: offsets only after an ISO 'T'.
    if (kind == text_kind::free_text && !iso_separator)
        return {time, std::nullopt};
    const std::size_t after_time = s.position();
    if (kind == text_kind::field)
        s.skip_spaces();
    const auto zone = read_zone(s, kind);
    if (!zone)
        s.rewind(after_time);
    return {time, zone};
}

std::optional<parsed_date> to_parsed_date(const date_fields& fields) noexcept {
    const civil_date& d = fields.date;
    if (d.year < earliest_year || d.year > latest_year ||
        !is_valid_civil_date(d.year, d.month, d.day))
        return std::nullopt;
    const std::int64_t day_number = days_from_civil(d);
    if (!fields.time)
        return parsed_date{beijing_day_start(day_number), date_precision::day};
    const clock_time& t = *fields.time;
    const std::int64_t local =
        day_number * seconds_per_day + t.hour * 3600 + t.minute * 60 + t.second;
    return parsed_date{local - fields.utc_offset.value_or(beijing_utc_offset),
                       t.has_seconds ? date_precision::second : date_precision::minute};
}

std::optional<parsed_date> with_inferred_year(month_day date, const std::optional<clock_time>& time,
                                              std::int64_t now) noexcept {
    // Eight years back reaches the previous 29 February from any year.
    constexpr int years_to_try = 9;
    const int this_year = civil_from_days(beijing_day_number(now)).year;
    for (int year = this_year; year > this_year - years_to_try; --year) {
        const auto parsed = to_parsed_date({{year, date.month, date.day}, time, std::nullopt});
        if (parsed && latest_instant(*parsed) <= now + year_inference_skew)
            return parsed;
    }
    return std::nullopt;
}

} // namespace govmon::date_grammar
