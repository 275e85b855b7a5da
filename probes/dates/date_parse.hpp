#pragma once

#include "probes/dates/parsed_date.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace govmon {

// One date as a feed or API field states it. Beijing conventions (platforms.md §0.4, §12.3):
// a value without a zone is Beijing time (+08:00) and `CST` is China Standard Time, not US
// Central; a value without a time is a day-precision date (see latest_instant).
//
// Accepted: RFC 822 and its real-world variants (weekday missing or wrong, any case, 1-digit
// day, 2-digit year as feedparser reads it, no seconds, no time, long month names, commas in
// odd places, zone names UT/UTC/GMT/Z/Etc/GMT/GMT±h[:mm]/US zones/MET/MEST, numeric offsets);
// asctime and Weibo/Twitter `Sat Nov 21 10:00:00 +0800 2026`; RFC 3339/ISO 8601 with 'T' or
// a space, fractions, with or without a zone, date only, basic 20261120[T100000];
// 2026/11/02, 2026.11.02, 2026年11月2日 [10:00], 二〇二六年十一月二日, full-width digits;
// year-less 11-02, 11月2日, [11-02], (11-02) (the most recent year that does not put the date
// in the future); Weibo's relative strings (relative_date.hpp), read against `now`.
// Refused (nullopt): invalid calendar dates or times, years outside 1900–2199, a month
// without a day ("2003-12"), 2-digit-year numeric forms ("03-12-31"), bare digit runs
// of other lengths (unix timestamps: see parse_unix_timestamp), anything after the date.
std::optional<parsed_date> parse_date(std::string_view text, std::int64_t now);

// A unix timestamp written as a string: 10 digits of seconds or 13 of milliseconds. Separate
// from parse_date on purpose: in text, a 10-digit number is far more often an ID than a date.
std::optional<parsed_date> parse_unix_timestamp(std::string_view text);

} // namespace govmon
