#include "probes/accounts/account_dates.hpp"

#include "probes/dates/date_parse.hpp"

#include <algorithm>
#include <string>

namespace govmon {

std::optional<std::int64_t> post_instant(std::string_view text, std::int64_t now) {
    auto date = parse_date(text, now);
    if (!date) {
        return std::nullopt;
    }
    return std::min(latest_instant(*date), now);
}

std::optional<std::int64_t> post_instant_from_unix(std::int64_t value, std::int64_t now) {
    auto date = parse_unix_timestamp(std::to_string(value));
    if (!date) {
        return std::nullopt;
    }
    return std::min(latest_instant(*date), now);
}

} // namespace govmon
