#include "probes/dates/date_find.hpp"

#include "probes/dates/date_grammar.hpp"
#include "probes/dates/text_normalize.hpp"

#include <optional>

namespace govmon {
namespace {

using namespace date_grammar;

struct match {
    std::size_t end = 0;
    parsed_date date;
};

bool is_word_char(char c) noexcept {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_number_joiner(char c) noexcept {
    return c == '.' || c == '-' || c == '/' || c == ':';
}

// Not glued to a word, and not the tail of a dotted or dashed number ("1.2026-11-02").
bool starts_cleanly(std::string_view text, std::size_t pos) noexcept {
    if (pos == 0)
        return true;
    const char before = text[pos - 1];
    if (is_word_char(before))
        return false;
    return !(is_number_joiner(before) && pos >= 2 && is_digit(text[pos - 2]));
}

// Not followed by more digits, directly or after a joiner ("2026-11-02-0001", "11-02.5").
bool ends_cleanly(std::string_view text, std::size_t end) noexcept {
    if (end >= text.size())
        return true;
    if (is_digit(text[end]))
        return false;
    return !(is_number_joiner(text[end]) && end + 1 < text.size() && is_digit(text[end + 1]));
}

// The date at `pos` with the time after it if that still ends cleanly, else the bare date
// ("2026-11-02 10:00-11:00" is a date followed by a time range).
template <typename Date, typename To_parsed>
std::optional<match> with_optional_time(scanner& s, std::string_view text, const Date& date,
                                        To_parsed to_parsed) {
    const std::size_t date_end = s.position();
    const auto [time, offset] = read_optional_time_and_zone(s, text_kind::free_text);
    if (time && ends_cleanly(text, s.position()))
        if (const auto parsed = to_parsed(date, time, offset))
            return match{s.position(), *parsed};
    if (!ends_cleanly(text, date_end))
        return std::nullopt;
    if (const auto parsed = to_parsed(date, std::nullopt, std::nullopt))
        return match{date_end, *parsed};
    return std::nullopt;
}

std::optional<match> match_at(std::string_view text, std::size_t pos, std::int64_t now) {
    scanner s(text, pos);
    if (s.digit_run_length() == 4) {
        const auto date = read_year_month_day(s);
        if (!date)
            return std::nullopt;
        return with_optional_time(
            s, text, *date,
            [](const civil_date& d, const std::optional<clock_time>& t, std::optional<int> offset) {
                return to_parsed_date({d, t, offset});
            });
    }
    const auto date = read_month_day(s, text_kind::free_text);
    if (!date)
        return std::nullopt;
    return with_optional_time(
        s, text, *date,
        [now](const month_day& d, const std::optional<clock_time>& t, std::optional<int> offset) {
            return offset ? std::nullopt : with_inferred_year(d, t, now);
        });
}

} // namespace

std::vector<found_date> find_dates(std::string_view text, std::int64_t now) {
    const normalized_text normalized = normalize_date_text(text);
    const std::string_view t = normalized.text;
    std::vector<found_date> found;
    std::size_t pos = 0;
    while (pos < t.size()) {
        if (!is_digit(t[pos])) {
            ++pos;
            continue;
        }
        if (starts_cleanly(t, pos))
            if (const auto m = match_at(t, pos, now)) {
                const std::size_t begin = normalized.source_offset[pos];
                found.push_back({begin, normalized.source_offset[m->end] - begin, m->date});
                pos = m->end;
                continue;
            }
        while (pos < t.size() && is_digit(t[pos]))
            ++pos;
    }
    return found;
}

} // namespace govmon
