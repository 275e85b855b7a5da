#include "probes/dates/text_normalize.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("full-width digits and punctuation become ASCII") {
    CHECK(normalize_date_text("２０２６－１１－０２　１０：００").text == "2026-11-02 10:00");
    CHECK(normalize_date_text("（１１／０２）［．＋］").text == "(11/02)[.+]");
    CHECK(normalize_date_text("发布时间\xC2\xA0\xEF\xBC\x9A").text == "发布时间 :");
}

TEST_CASE("Chinese numerals become digits only before a date unit") {
    CHECK(normalize_date_text("二〇二六年十一月二日").text == "2026年11月2日");
    CHECK(normalize_date_text("二○二六年十二月三十一日").text == "2026年12月31日");
    CHECK(normalize_date_text("二零二六年二月二十号").text == "2026年2月20号");
    CHECK(normalize_date_text("十月十日").text == "10月10日");
    CHECK(normalize_date_text("第一条 三个代表").text == "第一条 三个代表");
    // Not a number a date can hold: left alone.
    CHECK(normalize_date_text("十十月").text == "十十月");
    CHECK(normalize_date_text("一十〇日").text == "一十〇日");
}

TEST_CASE("every normalized byte maps back to its source") {
    const std::string original = "于二〇二六年十一月二日发布";
    const normalized_text n = normalize_date_text(original);
    REQUIRE(n.source_offset.size() == n.text.size() + 1);
    const std::size_t begin = n.text.find("2026");
    const std::size_t end = n.text.find("发布");
    REQUIRE(begin != std::string::npos);
    const std::size_t from = n.source_offset[begin];
    CHECK(original.substr(from, n.source_offset[end] - from) == "二〇二六年十一月二日");
    CHECK(n.source_offset.back() == original.size());
}

TEST_CASE("broken UTF-8 is copied, not dropped") {
    const std::string broken = "2026\xE4\xB8-11\xFF";
    CHECK(normalize_date_text(broken).text == broken);
    CHECK(normalize_date_text(std::string_view("\xE4", 1)).text == "\xE4");
}
