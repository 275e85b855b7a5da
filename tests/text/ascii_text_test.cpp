#include "text/ascii_text.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("ASCII lower-casing touches A-Z only") {
    CHECK(lower_ascii("WWW.Hubei.GOV.cn") == "www.hubei.gov.cn");
    CHECK(lower_ascii("湖北ÄB") == "湖北Äb"); // UTF-8 bytes and non-ASCII letters unchanged
    CHECK(lower_ascii("\xBA\xFE\xB1\xB1") == "\xBA\xFE\xB1\xB1"); // GBK bytes unchanged
    CHECK(ascii_lower('Z') == 'z');
    CHECK(ascii_lower('[') == '[');
}

TEST_CASE("ASCII trimming keeps full-width spaces") {
    CHECK(trim_ascii_space(" \t\r\nab c\f") == "ab c");
    CHECK(trim_ascii_space("\u3000正文\u3000") == "\u3000正文\u3000");
    CHECK(trim_ascii_space("   ").empty());
}

TEST_CASE("comparisons without case") {
    CHECK(iequals_ascii("Content-Type", "content-type"));
    CHECK_FALSE(iequals_ascii("charset", "charse"));
    CHECK(starts_with_nocase("<!DOCTYPE html>", "<!doctype"));
    CHECK(starts_with_nocase("x CHARSET=gbk", 2, "charset"));
    CHECK_FALSE(starts_with_nocase("char", "charset"));
    CHECK_FALSE(starts_with_nocase("abc", 4, ""));
    CHECK(starts_with_nocase("abc", 3, ""));
}
