#include "text/iconv_converter.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;

namespace {

const std::string replacement = "\xEF\xBF\xBD";

std::string from_gb18030(std::string_view bytes, truncated_tail tail) {
    iconv_converter to_utf8("UTF-8", "GB18030");
    REQUIRE(to_utf8.valid());
    return convert_with_replacements(to_utf8, bytes, tail);
}

} // namespace

TEST_CASE("a converter for an encoding iconv does not know is not valid") {
    CHECK_FALSE(iconv_converter("UTF-8", "no-such-encoding").valid());
    CHECK(iconv_converter("UTF-8", "GB18030").valid());
}

TEST_CASE("convert_some stops at the first sequence it cannot convert and says why") {
    iconv_converter to_utf8("UTF-8", "GB18030");
    std::string out;
    const iconv_progress invalid = to_utf8.convert_some("\xBA\xFE\xFF\xB1\xB1", out);
    CHECK(invalid.stop == iconv_stop::invalid_sequence);
    CHECK(invalid.consumed == 2);
    CHECK(out == "湖");
    out.clear();
    to_utf8.reset();
    const iconv_progress truncated = to_utf8.convert_some("\xBA\xFE\xB1", out);
    CHECK(truncated.stop == iconv_stop::truncated_input);
    CHECK(truncated.consumed == 2);
    out.clear();
    CHECK(to_utf8.convert_some("\xBA\xFE\xB1\xB1", out).stop == iconv_stop::end);
    CHECK(out == "湖北");
}

TEST_CASE("long input is converted whole, past any internal buffer") {
    std::string gbk;
    for (int i = 0; i < 5000; ++i)
        gbk += "\xBA\xFE\xB1\xB1";
    const std::string utf8 = from_gb18030(gbk, truncated_tail::one_replacement);
    CHECK(utf8.size() == 5000 * 6);
    CHECK(utf8.substr(utf8.size() - 6) == "湖北");
}

TEST_CASE("each byte GB18030 cannot explain becomes one U+FFFD") {
    CHECK(from_gb18030("\xBA\xFE\xFF\xB1\xB1", truncated_tail::one_replacement) ==
          "湖" + replacement + "北");
    CHECK(from_gb18030("a\xFF\xFF"
                       "b",
                       truncated_tail::one_replacement) == "a" + replacement + replacement + "b");
}

TEST_CASE("a sequence cut at the end: one U+FFFD, or one per byte that starts none") {
    // 0x81 0x30 0x81 begins a four-byte GB18030 sequence; '0' alone is ASCII.
    CHECK(from_gb18030("ok\x81\x30\x81", truncated_tail::one_replacement) == "ok" + replacement);
    CHECK(from_gb18030("ok\x81\x30\x81", truncated_tail::replace_each_byte) ==
          "ok" + replacement + "0" + replacement);
}

TEST_CASE("convert_strictly is all or nothing and says where it failed") {
    const strict_conversion ok = convert_strictly("湖北发布", "GB18030", "UTF-8");
    CHECK(ok.text == std::optional<std::string>("\xBA\xFE\xB1\xB1\xB7\xA2\xB2\xBC"));
    const strict_conversion bad = convert_strictly("ab\ncd\xFF", "UTF-8", "GB18030");
    CHECK_FALSE(bad.text.has_value());
    CHECK(bad.failed_at == 5);
    CHECK_FALSE(convert_strictly("x", "UTF-8", "no-such-encoding").text.has_value());
}
