#include "daemon/common/work_calendar.hpp"

#include <chrono>

namespace govmon {

int day_number(int year, int month, int day) noexcept {
    using namespace std::chrono;
    const year_month_day date{std::chrono::year{year},
                              std::chrono::month{static_cast<unsigned>(month)},
                              std::chrono::day{static_cast<unsigned>(day)}};
    return static_cast<int>(sys_days{date}.time_since_epoch().count());
}

std::optional<int> parse_day(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return std::nullopt;
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    using namespace std::chrono;
    const year_month_day date{std::chrono::year{parts[0]},
                              std::chrono::month{static_cast<unsigned>(parts[1])},
                              std::chrono::day{static_cast<unsigned>(parts[2])}};
    if (!date.ok())
        return std::nullopt;
    return day_number(parts[0], parts[1], parts[2]);
}

int weekday_of(int day) noexcept {
    // 1970-01-01 was a Thursday.
    return ((day % 7) + 7 + 4) % 7;
}

void work_calendar::add_holiday(int day) {
    holidays_.insert(day);
    workdays_.erase(day);
}

void work_calendar::add_workday(int day) {
    workdays_.insert(day);
    holidays_.erase(day);
}

bool work_calendar::is_working_day(int day) const noexcept {
    if (workdays_.count(day))
        return true;
    if (holidays_.count(day))
        return false;
    const int weekday = weekday_of(day);
    return weekday != 0 && weekday != 6;
}

} // namespace govmon
