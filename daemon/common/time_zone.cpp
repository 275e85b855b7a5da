#include "time_zone.hpp"

#include <atomic>
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

namespace {

// Bumped by every zone change, so that cached offsets of the old zone are never used.
std::atomic<unsigned> zone_generation{0};

// Zone offsets change only at quarter-hour boundaries (DST and historical changes alike), so
// one localtime_r per quarter hour gives every time in it: export formats millions of times,
// and glibc's localtime_r re-reads the zone's rule and takes a lock on every call.
struct offset_cache {
    unsigned generation = ~0u;
    std::int64_t quarter = 0;
    long offset_seconds = 0;
};

long utc_offset_at(std::int64_t epoch_seconds) {
    constexpr std::int64_t quarter_hour = 900;
    thread_local offset_cache cache;
    const std::int64_t quarter =
        epoch_seconds >= 0 ? epoch_seconds / quarter_hour : (epoch_seconds + 1) / quarter_hour - 1;
    const unsigned generation = zone_generation.load(std::memory_order_acquire);
    if (cache.generation != generation || cache.quarter != quarter) {
        const std::time_t t = static_cast<std::time_t>(epoch_seconds);
        std::tm local{};
        ::localtime_r(&t, &local);
        cache = {generation, quarter, local.tm_gmtoff};
    }
    return cache.offset_seconds;
}

void put_digits(char*& out, long value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
        out[i] = static_cast<char>('0' + value % 10);
    out += width;
}

} // namespace

bool set_process_time_zone(const std::string& name) {
    if (!is_known_time_zone(name))
        return false;
    ::setenv("TZ", name.c_str(), 1);
    ::tzset();
    zone_generation.fetch_add(1, std::memory_order_release);
    return true;
}

std::string format_iso8601(std::int64_t epoch_seconds) {
    std::string text;
    append_iso8601(text, epoch_seconds);
    return text;
}

void append_iso8601(std::string& destination, std::int64_t epoch_seconds) {
    using namespace std::chrono;
    const long offset = utc_offset_at(epoch_seconds);
    const sys_seconds local_time{seconds{epoch_seconds + offset}};
    const auto day = floor<days>(local_time);
    const year_month_day date{day};
    const hh_mm_ss clock{local_time - day};
    const long offset_minutes = (offset < 0 ? -offset : offset) / 60;

    char text[32];
    char* out = text;
    put_digits(out, static_cast<int>(date.year()), 4);
    *out++ = '-';
    put_digits(out, static_cast<unsigned>(date.month()), 2);
    *out++ = '-';
    put_digits(out, static_cast<unsigned>(date.day()), 2);
    *out++ = 'T';
    put_digits(out, clock.hours().count(), 2);
    *out++ = ':';
    put_digits(out, clock.minutes().count(), 2);
    *out++ = ':';
    put_digits(out, static_cast<long>(clock.seconds().count()), 2);
    *out++ = offset < 0 ? '-' : '+';
    put_digits(out, offset_minutes / 60, 2);
    *out++ = ':';
    put_digits(out, offset_minutes % 60, 2);
    destination.append(text, out);
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
