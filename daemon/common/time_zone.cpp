#include "time_zone.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>

namespace govmon {
namespace {

// The zone before any configuration: TZ's, else the system's, as localtime would have it.
std::shared_ptr<const zone_rules> initial_zone() {
    const char* tz = std::getenv("TZ");
    if (tz && *tz)
        if (auto zone = load_time_zone(*tz == ':' ? tz + 1 : tz))
            return zone;
    if (auto zone = zone_rules::load_file("localtime", "/etc/localtime"))
        return std::make_shared<const zone_rules>(std::move(*zone));
    return std::make_shared<const zone_rules>(zone_rules::utc());
}

std::atomic<std::shared_ptr<const zone_rules>>& default_zone() {
    static std::atomic<std::shared_ptr<const zone_rules>> zone{initial_zone()};
    return zone;
}

void put_digits(char*& out, long value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
        out[i] = static_cast<char>('0' + value % 10);
    out += width;
}

} // namespace

std::shared_ptr<const zone_rules> load_time_zone(const std::string& name) {
    auto zone = zone_rules::load(name);
    if (!zone)
        return nullptr;
    return std::make_shared<const zone_rules>(std::move(*zone));
}

bool is_known_time_zone(const std::string& name) {
    return zone_rules::load(name).has_value();
}

bool set_default_time_zone(const std::string& name) {
    auto zone = load_time_zone(name);
    if (!zone)
        return false;
    default_zone().store(std::move(zone));
    return true;
}

std::shared_ptr<const zone_rules> default_time_zone() {
    return default_zone().load();
}

local_time local_time_of(std::int64_t epoch_seconds, const zone_rules& zone) {
    using namespace std::chrono;
    const long offset = zone.offset_at(epoch_seconds);
    const sys_seconds local{seconds{epoch_seconds + offset}};
    const auto day = floor<days>(local);
    const year_month_day date{day};
    const hh_mm_ss clock{local - day};
    return {static_cast<int>(date.year()),
            static_cast<int>(static_cast<unsigned>(date.month())),
            static_cast<int>(static_cast<unsigned>(date.day())),
            static_cast<int>(clock.hours().count()),
            static_cast<int>(clock.minutes().count()),
            static_cast<int>(clock.seconds().count()),
            static_cast<int>(weekday{day}.c_encoding()),
            offset};
}

std::string format_iso8601(std::int64_t epoch_seconds) {
    return format_iso8601(epoch_seconds, *default_time_zone());
}

std::string format_iso8601(std::int64_t epoch_seconds, const zone_rules& zone) {
    std::string text;
    append_iso8601(text, epoch_seconds, zone);
    return text;
}

void append_iso8601(std::string& destination, std::int64_t epoch_seconds, const zone_rules& zone) {
    const local_time t = local_time_of(epoch_seconds, zone);
    const long offset_minutes = (t.offset_seconds < 0 ? -t.offset_seconds : t.offset_seconds) / 60;

    char text[32];
    char* out = text;
    put_digits(out, t.year, 4);
    *out++ = '-';
    put_digits(out, t.month, 2);
    *out++ = '-';
    put_digits(out, t.day, 2);
    *out++ = 'T';
    put_digits(out, t.hour, 2);
    *out++ = ':';
    put_digits(out, t.minute, 2);
    *out++ = ':';
    put_digits(out, t.second, 2);
    *out++ = t.offset_seconds < 0 ? '-' : '+';
    put_digits(out, offset_minutes / 60, 2);
    *out++ = ':';
    put_digits(out, offset_minutes % 60, 2);
    destination.append(text, out);
}

namespace {

std::int64_t local_midnight(int year, int month, int day, const zone_rules& zone) {
    using namespace std::chrono;
    // Month 13 is January of the next year, as mktime normalises it.
    const year_month_day date{std::chrono::year{year + (month - 1) / 12},
                              std::chrono::month{static_cast<unsigned>((month - 1) % 12 + 1)},
                              std::chrono::day{static_cast<unsigned>(day)}};
    const std::int64_t local = sys_days{date}.time_since_epoch().count() * std::int64_t{86400};
    return zone.utc_of_local(local);
}

bool valid_day(int year, int month, int day) {
    using namespace std::chrono;
    return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                          std::chrono::day{static_cast<unsigned>(day)}}
        .ok();
}

} // namespace

std::optional<std::int64_t> parse_local_date(std::string_view text) {
    return parse_local_date(text, *default_time_zone());
}

std::optional<std::int64_t> parse_local_date(std::string_view text, const zone_rules& zone) {
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
    return local_midnight(year, month, day, zone);
}

std::optional<time_range> parse_quarter(std::string_view text) {
    return parse_quarter(text, *default_time_zone());
}

std::optional<time_range> parse_quarter(std::string_view text, const zone_rules& zone) {
    if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q') || text[5] < '1' || text[5] > '4')
        return std::nullopt;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        year = year * 10 + (text[i] - '0');
    }
    const int first_month = 3 * (text[5] - '0' - 1) + 1;
    return time_range{local_midnight(year, first_month, 1, zone),
                      local_midnight(year, first_month + 3, 1, zone)};
}

std::int64_t now_epoch_seconds() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace govmon
