#include "daemon/common/work_calendar.hpp"

namespace govmon {
namespace {

struct day_span {
    int year, month, first, last;
};

// 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 元旦 1月1日–3日, 春节 2月15日–23日,
// 清明节 4月4日–6日, 劳动节 5月1日–5日, 端午节 6月19日–21日, 中秋节 9月25日–27日,
// 国庆节 10月1日–7日.
constexpr day_span holidays_2026[] = {{2026, 1, 1, 3}, {2026, 2, 15, 23}, {2026, 4, 4, 6},
                                      {2026, 5, 1, 5}, {2026, 6, 19, 21}, {2026, 9, 25, 27},
                                      {2026, 10, 1, 7}};
// The same notice's make-up working days (上班): 1月4日, 2月14日, 2月28日, 5月9日, 9月20日,
// 10月10日.
constexpr day_span workdays_2026[] = {{2026, 1, 4, 4}, {2026, 2, 14, 14}, {2026, 2, 28, 28},
                                      {2026, 5, 9, 9}, {2026, 9, 20, 20}, {2026, 10, 10, 10}};
// 2027: only the statutory days of 全国年节及纪念日放假办法 (2024 revision) on 2027's calendar
// (除夕 2月5日 to 正月初三 2月8日, 清明 4月5日, 端午 6月9日, 中秋 9月15日). The State Council's
// notice, due around November 2026, adds the bridging days and make-up working days: put them
// in rectification.holidays / rectification.workdays until a release ships them.
constexpr day_span holidays_2027[] = {{2027, 1, 1, 1}, {2027, 2, 5, 8}, {2027, 4, 5, 5},
                                      {2027, 5, 1, 2}, {2027, 6, 9, 9}, {2027, 9, 15, 15},
                                      {2027, 10, 1, 3}};

template <std::size_t N>
void add(work_calendar& calendar, const day_span (&spans)[N], bool working) {
    for (const day_span& s : spans)
        for (int d = s.first; d <= s.last; ++d) {
            const int day = day_number(s.year, s.month, d);
            if (working)
                calendar.add_workday(day);
            else
                calendar.add_holiday(day);
        }
}

} // namespace

work_calendar china_work_calendar() {
    work_calendar calendar;
    add(calendar, holidays_2026, false);
    add(calendar, workdays_2026, true);
    add(calendar, holidays_2027, false);
    return calendar;
}

} // namespace govmon
