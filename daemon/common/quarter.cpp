#include "quarter.hpp"

#include "daemon/common/time_zone.hpp"

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
    const local_time local = local_time_of(epoch_seconds, *default_time_zone());
    return {local.year, (local.month - 1) / 3 + 1};
}

quarter previous_quarter(quarter q) {
    return q.number == 1 ? quarter{q.year - 1, 4} : quarter{q.year, q.number - 1};
}

time_range range_of(quarter q) {
    return *parse_quarter(name_of(q));
}

std::string name_of(quarter q) {
    std::string year = std::to_string(q.year);
    year.insert(0, year.size() < 4 ? 4 - year.size() : 0, '0');
    return year + "Q" + std::to_string(q.number);
}

} // namespace govmon
