#pragma once

// Which days are working days in China: Monday to Friday, minus the official holidays, plus
// the make-up working Saturdays and Sundays (调休上班) the State Council announces each year.
// Days are numbered as days since 1970-01-01 on the local calendar.

#include <optional>
#include <set>
#include <string_view>

namespace govmon {

int day_number(int year, int month, int day) noexcept;
// "2026-10-01" -> its day number; nothing for anything else or an impossible date.
std::optional<int> parse_day(std::string_view yyyy_mm_dd) noexcept;
int weekday_of(int day) noexcept; // 0 is Sunday

class work_calendar {
public:
    void add_holiday(int day);
    void add_workday(int day);
    // A day both listed as holiday and as workday is a workday: config can override what
    // was shipped in either direction.
    bool is_working_day(int day) const noexcept;

private:
    std::set<int> holidays_;
    std::set<int> workdays_;
};

// The shipped calendar: 2026 as the State Council announced it (国办发明电, 2025-11-04), and
// 2027's statutory holidays only, provisional until its notice (see china_holidays.cpp).
work_calendar china_work_calendar();

} // namespace govmon
