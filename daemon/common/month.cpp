#include "month.hpp"

#include <charconv>
#include <cstdio>

namespace govmon {
namespace {

std::string first_day(month m) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-01", m.year, m.number);
    return text;
}

month next_month(month m) {
    return m.number == 12 ? month{m.year + 1, 1} : month{m.year, m.number + 1};
}

std::optional<int> number_in(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

std::optional<month> resolve_month(std::string_view text, std::int64_t now) {
    const local_time local = local_time_of(now, *default_time_zone());
    if (text == "current")
        return month{local.year, local.month};
    if (text == "last")
        return previous_month({local.year, local.month});
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    const auto year = number_in(text.substr(0, 4));
    const auto number = number_in(text.substr(5, 2));
    if (!year || !number || *number < 1 || *number > 12)
        return std::nullopt;
    return month{*year, *number};
}

month previous_month(month m) {
    return m.number == 1 ? month{m.year - 1, 12} : month{m.year, m.number - 1};
}

time_range range_of(month m) {
    return {*parse_local_date(first_day(m)), *parse_local_date(first_day(next_month(m)))};
}

std::string name_of(month m) {
    return first_day(m).substr(0, 7);
}

std::string heading_of(month m) {
    return std::to_string(m.year) + "年" + std::to_string(m.number) + "月";
}

} // namespace govmon
