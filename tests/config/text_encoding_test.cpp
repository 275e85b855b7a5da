#include "daemon/config/text_encoding.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("GB18030 round trip and refusal") {
    const auto gbk = utf8_to_gb18030("湖北发布");
    REQUIRE(gbk.has_value());
    CHECK(*gbk == "\xBA\xFE\xB1\xB1\xB7\xA2\xB2\xBC");
    CHECK(gb18030_to_utf8(*gbk) == std::optional<std::string>("湖北发布"));
    CHECK_FALSE(gb18030_to_utf8("\xFF\xFE\xFD").has_value());
    CHECK_FALSE(gb18030_to_utf8("ok\x81").has_value()); // truncated two-byte sequence
}

TEST_CASE("decode_utf8_or_gbk tells which encoding it found") {
    CHECK(decode_utf8_or_gbk("\xEF\xBB\xBF"
                             "a,b")
              .encoding == "UTF-8 with BOM");
    CHECK(decode_utf8_or_gbk("\xEF\xBB\xBF"
                             "a,b")
              .utf8 == std::optional<std::string>("a,b"));
    CHECK(decode_utf8_or_gbk("a,b").encoding == "UTF-8");
    const auto gbk = decode_utf8_or_gbk("x,\xBA\xFE\xB1\xB1");
    CHECK(gbk.encoding == "GB18030");
    CHECK(gbk.utf8 == std::optional<std::string>("x,湖北"));
    const auto neither = decode_utf8_or_gbk("ab\ncd\xFF");
    CHECK_FALSE(neither.utf8.has_value());
    CHECK(neither.error_offset == 5);
    CHECK_FALSE(decode_utf8_or_gbk("\xEF\xBB\xBF\xBA\xFE").utf8.has_value());
}
