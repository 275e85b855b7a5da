#pragma once

#include "probes/dates/date_parse.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace govmon::test {

using precision = date_precision;

// The fixed probe time of most date tests: 2026-11-21 10:00:00 Beijing (02:00:00Z).
inline constexpr std::int64_t fixed_now = 1795226400;

struct date_case {
    std::string_view text;
    std::int64_t instant; // expected UTC epoch seconds, computed with python3's datetime
    precision expected_precision;
};

inline void check_date(const date_case& c, std::int64_t now = fixed_now) {
    INFO("text: \"", std::string(c.text), "\"");
    const auto parsed = parse_date(c.text, now);
    REQUIRE(parsed.has_value());
    CHECK(parsed->instant == c.instant);
    CHECK(parsed->precision == c.expected_precision);
}

inline void check_refused(std::string_view text, std::int64_t now = fixed_now) {
    INFO("text: \"", std::string(text), "\"");
    CHECK_FALSE(parse_date(text, now).has_value());
}

} // namespace govmon::test
