#include "daemon/cli/report_window.hpp"

#include "daemon/common/month.hpp"
#include "daemon/common/quarter.hpp"

namespace govmon {
namespace {

std::string first_day(std::int64_t from) {
    return format_iso8601(from).substr(0, 10);
}

// The last day of [from, to), as people name a check window: 2026-09-13至2026-09-26.
std::string window_name(time_range range) {
    return first_day(range.from) + "至" + first_day(range.to - 1);
}

std::optional<report_window> quarter_window(const std::string& text, std::int64_t now) {
    const auto q = resolve_quarter(text, now);
    if (!q)
        return std::nullopt;
    return report_window{report_period::quarter,
                         name_of(*q),
                         name_of(previous_quarter(*q)),
                         name_of(*q),
                         range_of(*q),
                         range_of(previous_quarter(*q))};
}

std::optional<report_window> month_window(const std::string& text, std::int64_t now) {
    const auto m = resolve_month(text, now);
    if (!m)
        return std::nullopt;
    return report_window{report_period::month, heading_of(*m), heading_of(previous_month(*m)),
                         name_of(*m),          range_of(*m),   range_of(previous_month(*m))};
}

std::optional<report_window> dates_window(const std::string& from_text,
                                          const std::string& to_text) {
    const auto from = parse_local_date(from_text);
    const auto to = parse_local_date(to_text);
    if (!from || !to || *from >= *to)
        return std::nullopt;
    const time_range range{*from, *to};
    const time_range previous{*from - (*to - *from), *from};
    return report_window{report_period::window,
                         window_name(range),
                         window_name(previous),
                         from_text + "_" + to_text,
                         range,
                         previous};
}

} // namespace

std::optional<report_window> report_window_of(const arguments& args, std::int64_t now) {
    const auto quarter_text = args.value("quarter");
    const auto month_text = args.value("month");
    const auto from_text = args.value("from");
    const auto to_text = args.value("to");
    const int given =
        (quarter_text ? 1 : 0) + (month_text ? 1 : 0) + (from_text || to_text ? 1 : 0);
    if (given != 1)
        return std::nullopt;
    if (quarter_text)
        return quarter_window(*quarter_text, now);
    if (month_text)
        return month_window(*month_text, now);
    if (!from_text || !to_text)
        return std::nullopt;
    return dates_window(*from_text, *to_text);
}

} // namespace govmon
