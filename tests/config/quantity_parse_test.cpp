#include "daemon/config/quantity_parse.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace std::chrono_literals;

TEST_CASE("durations in every unit") {
    CHECK(parse_duration("500ms").value == duration(500));
    CHECK(parse_duration("15s").value == duration(15s));
    CHECK(parse_duration("1m").value == duration(1min));
    CHECK(parse_duration("2h").value == duration(2h));
    CHECK(parse_duration("14d").value == duration(std::chrono::hours(24 * 14)));
    CHECK(parse_duration("1w").value == duration(std::chrono::hours(24 * 7)));
    CHECK(parse_duration("0s").value == duration(0));
    CHECK(parse_duration("1h30m").value == duration(90min));
    CHECK(parse_duration("1d12h").value == duration(36h));
    CHECK(parse_duration("1s500ms").value == duration(1500));
}

TEST_CASE("malformed durations are refused with a reason") {
    CHECK(parse_duration("").error == "empty duration");
    CHECK(parse_duration("15").error.find("has no unit") != std::string::npos);
    CHECK(parse_duration("-5s").error.find("negative") != std::string::npos);
    CHECK(parse_duration("5 s").error.find("bad duration") != std::string::npos);
    CHECK(parse_duration("1.5h").error.find("bad duration") != std::string::npos);
    CHECK(parse_duration("1h30").error.find("bad duration") != std::string::npos);
    CHECK(parse_duration("5y").error.find("unknown unit 'y'") != std::string::npos);
    CHECK(parse_duration("5S").error.find("unknown unit 'S'") != std::string::npos);
    CHECK(parse_duration("s").error.find("bad duration") != std::string::npos);
    CHECK_FALSE(parse_duration("h1"));
}

TEST_CASE("durations that do not fit are refused, not wrapped") {
    CHECK(parse_duration("9223372036854775807ms").value == duration(INT64_MAX));
    CHECK(parse_duration("9223372036854775808ms").error.find("too large") != std::string::npos);
    CHECK(parse_duration("99999999999999999999s").error.find("too large") != std::string::npos);
    CHECK(parse_duration("200000000000000w").error.find("too large") != std::string::npos);
    CHECK(parse_duration("9223372036854775000ms1s").error.find("too large") != std::string::npos);
}

TEST_CASE("sizes: binary and decimal units, plain bytes") {
    CHECK(parse_size("8MiB").value == 8ull << 20);
    CHECK(parse_size("512KiB").value == 512ull << 10);
    CHECK(parse_size("1GiB").value == 1ull << 30);
    CHECK(parse_size("2TiB").value == 2ull << 40);
    CHECK(parse_size("1MB").value == 1000000u);
    CHECK(parse_size("3kB").value == 3000u);
    CHECK(parse_size("1GB").value == 1000000000u);
    CHECK(parse_size("4096").value == 4096u);
    CHECK(parse_size("4096B").value == 4096u);
    CHECK(parse_size("0").value == 0u);
}

TEST_CASE("malformed and oversized sizes") {
    CHECK(parse_size("").error == "empty size");
    CHECK(parse_size("8 MiB").error.find("bad size") != std::string::npos);
    CHECK(parse_size("8mib").error.find("bad size") != std::string::npos);
    CHECK(parse_size("MiB").error.find("bad size") != std::string::npos);
    CHECK(parse_size("-1").error.find("bad size") != std::string::npos);
    CHECK(parse_size("1.5MiB").error.find("bad size") != std::string::npos);
    CHECK(parse_size("18446744073709551615").value == UINT64_MAX);
    CHECK(parse_size("18446744073709551616").error.find("too large") != std::string::npos);
    CHECK(parse_size("16777216TiB").error.find("too large") != std::string::npos);
}

TEST_CASE("fractions as percent or decimal") {
    CHECK(*parse_fraction("10%").value == doctest::Approx(0.10));
    CHECK(*parse_fraction("0.1").value == doctest::Approx(0.10));
    CHECK(*parse_fraction("2.5%").value == doctest::Approx(0.025));
    CHECK(*parse_fraction("0").value == doctest::Approx(0.0));
    CHECK_FALSE(parse_fraction("%"));
    CHECK_FALSE(parse_fraction(""));
    CHECK_FALSE(parse_fraction("ten%"));
    CHECK_FALSE(parse_fraction("1e-1"));
    CHECK_FALSE(parse_fraction("0.1 %"));
}

TEST_CASE("integers: whole text, in range") {
    CHECK(parse_integer("64").value == 64);
    CHECK(parse_integer("-1").value == -1);
    CHECK_FALSE(parse_integer(""));
    CHECK_FALSE(parse_integer("12abc"));
    CHECK_FALSE(parse_integer("0x10"));
    CHECK_FALSE(parse_integer("+5"));
    CHECK_FALSE(parse_integer("1.0"));
    CHECK(parse_integer("99999999999999999999").error.find("too large") != std::string::npos);
}

TEST_CASE("format_duration picks the largest exact unit") {
    CHECK(format_duration(std::chrono::hours(24 * 14)) == "14d");
    CHECK(format_duration(std::chrono::hours(24 * 10)) == "10d");
    CHECK(format_duration(90min) == "90m");
    CHECK(format_duration(duration(1500)) == "1500ms");
    CHECK(format_duration(duration(0)) == "0s");
    CHECK(parse_duration(format_duration(duration(123456789))).value == duration(123456789));
}
