#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace govmon {

// The instant a post's date text stands for, for the freshness rule: the LATEST instant the
// text allows (a day-precision "06-14" counts as the end of that Beijing day, so a post never
// looks older than it is), capped at `now` (a future-dated item counts as the probe time).
// `now` also anchors relative strings (刚刚, N分钟前, 昨天 HH:MM, MM-DD). nullopt if unreadable.
std::optional<std::int64_t> post_instant(std::string_view text, std::int64_t now);

// The same for a number that is a Unix time: 10 digits of seconds or 13 of milliseconds.
std::optional<std::int64_t> post_instant_from_unix(std::int64_t value, std::int64_t now);

} // namespace govmon
