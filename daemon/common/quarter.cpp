#include "quarter.hpp"

#include <ctime>

namespace govmon {

std::optional<quarter> resolve_quarter(std::string_view text, std::int64_t now) {
    if (text == "current")
        return quarter_of(now);
    if (text == "last")
        return previous_quarter(quarter_of(now));
    if (!parse_quarter(text))
        return std::nullopt;
    return quarter{std::stoi(std::string{text.substr(0, 4)}), text[5] - '0'};
}

quarter quarter_of(std::int64_t epoch_seconds) {
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm local{};
    ::localtime_r(&t, &local);
    return {local.tm_year + 1900, local.tm_mon / 3 + 1};
}

quarter previous_quarter(quarter q) {
    return q.number == 1 ? quarter{q.year - 1, 4} : quarter{q.year, q.number - 1};
}

time_range range_of(quarter q) { return *parse_quarter(name_of(q)); }

std::string name_of(quarter q) {
    std::string year = std::to_string(q.year);
    year.insert(0, year.size() < 4 ? 4 - year.size() : 0, '0');
    return year + "Q" + std::to_string(q.number);
}

} // namespace govmon
