#include "time_zone.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace govmon {

bool is_known_time_zone(const std::string& name) {
    if (name.empty() || name.find("..") != std::string::npos || name.front() == '/')
        return false;
    std::error_code ec;
    return std::filesystem::is_regular_file("/usr/share/zoneinfo/" + name, ec);
}

bool set_process_time_zone(const std::string& name) {
    if (!is_known_time_zone(name))
        return false;
    ::setenv("TZ", name.c_str(), 1);
    ::tzset();
    return true;
}

std::string format_iso8601(std::int64_t epoch_seconds) {
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm local{};
    ::localtime_r(&t, &local);
    const long offset_minutes = local.tm_gmtoff / 60;
    const char sign = offset_minutes < 0 ? '-' : '+';
    const long magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
                  local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
                  local.tm_min, local.tm_sec, sign, magnitude / 60, magnitude % 60);
    return text;
}

namespace {

std::int64_t local_midnight(int year, int month, int day) {
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(::mktime(&local));
}

bool valid_day(int year, int month, int day) {
    using namespace std::chrono;
    return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                          std::chrono::day{static_cast<unsigned>(day)}}
        .ok();
}

} // namespace

std::optional<std::int64_t> parse_local_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i)
            v = v * 10 + (text[i] - '0');
        return v;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (!valid_day(year, month, day))
        return std::nullopt;
    return local_midnight(year, month, day);
}

std::optional<time_range> parse_quarter(std::string_view text) {
    if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q') || text[5] < '1' || text[5] > '4')
        return std::nullopt;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        year = year * 10 + (text[i] - '0');
    }
    const int quarter = text[5] - '0';
    const int first_month = 3 * (quarter - 1) + 1;
    const std::int64_t from = local_midnight(year, first_month, 1);
    const std::int64_t to = quarter == 4 ? local_midnight(year + 1, 1, 1)
                                         : local_midnight(year, first_month + 3, 1);
    return time_range{from, to};
}

std::int64_t now_epoch_seconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace govmon
