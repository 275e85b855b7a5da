#include "text/utf8_reader.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("UTF-8 validation refuses what a decoder must refuse") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("湖北发布"));
    CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));       // U+1F600, four bytes
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));     // overlong, three bytes
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // a UTF-16 surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE6\xB9"));         // truncated
    CHECK_FALSE(is_valid_utf8("\xBA\xFE\xB1\xB1")); // 湖北 in GBK
}

TEST_CASE("a step covers a sequence or its maximal ill-formed prefix (Unicode §3.9)") {
    CHECK(utf8_step_at("a", 0).length == 1);
    CHECK(utf8_step_at("湖", 0).length == 3);
    CHECK(utf8_step_at("湖", 0).status == utf8_status::valid);
    CHECK(utf8_step_at("\xE6\xB9", 0).status == utf8_status::truncated);
    CHECK(utf8_step_at("\xE6\xB9", 0).length == 2);
    const utf8_step broken = utf8_step_at("\xE6\xB9x", 0);
    CHECK(broken.status == utf8_status::invalid);
    CHECK(broken.length == 2);
    CHECK(utf8_step_at("\x80", 0).status == utf8_status::invalid);
    CHECK(utf8_step_at("\xF4\x90\x80\x80", 0).length == 1);
    CHECK(utf8_sequence_length("x\xF0\x9F\x98\x80", 1) == 4);
    CHECK(utf8_sequence_length("\xC0\xAF", 0) == 0);
}

TEST_CASE("code points of valid sequences") {
    CHECK(utf8_code_point("A") == U'A');
    CHECK(utf8_code_point("\xC3\xBC") == U'\u00FC');
    CHECK(utf8_code_point("湖") == U'\u6E56');
    CHECK(utf8_code_point("\xF0\x9F\x98\x80") == U'\U0001F600');
}

TEST_CASE("bounded_text cuts on a character boundary") {
    CHECK(bounded_text("中华", 4) == "中");
    CHECK(bounded_text("中华", 6) == "中华");
    CHECK(bounded_text("ab", 1) == "a");
    CHECK(bounded_text("", 0).empty());
}

TEST_CASE("append_utf8 writes what UTF-8 can carry and U+FFFD for the rest") {
    std::string out;
    for (char32_t c : {char32_t{0x41}, char32_t{0x4E2D}, char32_t{0x1F600}, char32_t{0xD83D},
                       char32_t{0x110000}})
        append_utf8(out, c);
    CHECK(out == "A中😀\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("hex_number reads hexadecimal digits of either case, up to eight") {
    CHECK(hex_number("4e2D") == 0x4E2Du);
    CHECK(hex_number("10FFFF") == 0x10FFFFu);
    CHECK_FALSE(hex_number(""));
    CHECK_FALSE(hex_number("4g"));
    CHECK_FALSE(hex_number("123456789"));
}
