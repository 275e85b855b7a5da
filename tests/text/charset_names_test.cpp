#include "text/charset_names.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("the GB family reads as GB18030, its superset") {
    for (const char* label :
         {"gb2312", "GBK", "x-gbk", " gb18030 ", "cp936", "euc-cn", "GB_2312-80"})
        CHECK(whatwg_encoding(label) == std::optional<std::string_view>("gb18030"));
    CHECK(iconv_name("gb18030") == "GB18030");
}

TEST_CASE("other labels Chinese sites send") {
    CHECK(whatwg_encoding("UTF8") == std::optional<std::string_view>("utf-8"));
    CHECK(whatwg_encoding("big5-hkscs") == std::optional<std::string_view>("big5"));
    CHECK(whatwg_encoding("ISO-8859-1") == std::optional<std::string_view>("windows-1252"));
    CHECK(whatwg_encoding("utf-16") == std::optional<std::string_view>("utf-16le"));
    CHECK_FALSE(whatwg_encoding("shift_jis").has_value());
    CHECK_FALSE(whatwg_encoding("").has_value());
    CHECK(iconv_name("big5") == "BIG5-HKSCS");
    CHECK(iconv_name("windows-1252") == "CP1252");
    CHECK(iconv_name("shift_jis") == "shift_jis");
}
