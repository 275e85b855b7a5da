#include "probes/http/retry_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>
#include <string>
#include <vector>

namespace govmon::http {

namespace {

using std::chrono::milliseconds;

std::optional<int> month_index(std::string_view m) {
    static constexpr std::array<std::string_view, 12> names{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == m)
            return static_cast<int>(i);
    return std::nullopt;
}

std::optional<int> number(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size())
        return std::nullopt;
    return v;
}

// "08:49:37"
bool parse_clock(std::string_view s, std::tm& tm) {
    if (s.size() != 8 || s[2] != ':' || s[5] != ':')
        return false;
    auto h = number(s.substr(0, 2)), m = number(s.substr(3, 2)), sec = number(s.substr(6, 2));
    if (!h || !m || !sec || *h > 23 || *m > 59 || *sec > 60)
        return false;
    tm.tm_hour = *h;
    tm.tm_min = *m;
    tm.tm_sec = *sec;
    return true;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ','))
            ++i;
        auto start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != ',')
            ++i;
        if (i > start)
            words.push_back(s.substr(start, i - start));
    }
    return words;
}

} // namespace

std::optional<std::int64_t> parse_http_date(std::string_view value) {
    auto w = split_words(value);
    std::tm tm{};
    std::optional<int> day, month, year;
    if (w.size() == 6 && w[5] == "GMT") { // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        day = number(w[1]);
        month = month_index(w[2]);
        year = number(w[3]);
        if (!parse_clock(w[4], tm))
            return std::nullopt;
    } else if (w.size() == 4 && w[3] == "GMT") { // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        auto d = w[1];
        if (d.size() != 9 || d[2] != '-' || d[6] != '-')
            return std::nullopt;
        day = number(d.substr(0, 2));
        month = month_index(d.substr(3, 3));
        year = number(d.substr(7, 2));
        if (year)
            *year += *year < 70 ? 2000 : 1900;
        if (!parse_clock(w[2], tm))
            return std::nullopt;
    } else if (w.size() == 5) { // asctime: Sun Nov  6 08:49:37 1994
        month = month_index(w[1]);
        day = number(w[2]);
        year = number(w[4]);
        if (!parse_clock(w[3], tm))
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!day || !month || !year || *day < 1 || *day > 31 || *year < 1970)
        return std::nullopt;
    tm.tm_mday = *day;
    tm.tm_mon = *month;
    tm.tm_year = *year - 1900;
    return static_cast<std::int64_t>(timegm(&tm));
}

std::optional<milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now) {
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
        value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
        value.remove_suffix(1);
    if (value.empty())
        return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(value[0]))) {
        std::int64_t seconds = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec == std::errc::result_out_of_range)
            return milliseconds::max();
        if (ec != std::errc{} || end != value.data() + value.size())
            return std::nullopt;
        if (seconds > std::int64_t{1} << 40)
            return milliseconds::max();
        return milliseconds{seconds * 1000};
    }
    auto when = parse_http_date(value);
    if (!when)
        return std::nullopt;
    auto now_ms = std::chrono::duration_cast<milliseconds>(now.time_since_epoch()).count();
    auto diff = *when * 1000 - now_ms;
    return milliseconds{diff > 0 ? diff : 0};
}

std::optional<milliseconds> next_retry_delay(const retry_input& in) {
    bool retryable = in.error == error_class::timeout || in.status == 429 ||
                     (in.status >= 500 && in.status <= 599);
    if (!retryable || in.attempts_done > in.max_retries)
        return std::nullopt;
    if (in.retry_after && (in.status == 429 || in.status == 503)) {
        // A server asking for a longer pause than we are ready to wait gets its 429 reported.
        if (*in.retry_after > in.max_retry_after)
            return std::nullopt;
        return *in.retry_after;
    }
    auto shift = std::min(in.attempts_done - 1, 20);
    return in.backoff * (std::int64_t{1} << shift);
}

} // namespace govmon::http
