#pragma once

#include "probes/dates/parsed_date.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace govmon {

struct found_date {
    std::size_t offset = 0; // bytes into the original text
    std::size_t length = 0; // bytes of the original text the date spans
    parsed_date date;
};

// Every date inside free text of a web page, in order: 2026-11-02, 2026/11/02, 2026.11.02,
// 2026年11月2日, 二〇二六年十一月二日 (each with an optional time), and year-less 11-02 (two
// digits each), 11月2日 (year inferred against `now` as in parse_date). Beijing time unless an
// ISO time carries its own zone ("2026-11-02T10:00:00Z").
//
// Built not to fire on what merely looks like a date: a match must not touch other digits
// or continue with a separator and a digit, so phone numbers (010-12345678), versions (1.2.3),
// IP addresses, document numbers (2026-11-02-0001), long digit runs and "2026-11" stay silent.
// English month names and relative strings are not searched for: government pages do not use
// them, and feed and API fields go through parse_date.
std::vector<found_date> find_dates(std::string_view text, std::int64_t now);

} // namespace govmon
