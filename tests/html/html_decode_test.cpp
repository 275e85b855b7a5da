#include "probes/html/html_decode.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using govmon::html::canonical_charset;
using govmon::html::decode_html;

namespace {

// GBK bytes, written out with python3's "gbk" codec.
const std::string gbk_zhongwen = "\xD6\xD0\xCE\xC4";                        // 中文
const std::string gbk_tongzhi_gonggao = "\xCD\xA8\xD6\xAA\xB9\xAB\xB8\xE6"; // 通知公告

bool well_formed_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c < 0xE0)
            len = 2;
        else if (c >= 0xE0 && c < 0xF0)
            len = 3;
        else if (c >= 0xF0 && c < 0xF5)
            len = 4;
        if (len == 0 || i + len > s.size())
            return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

} // namespace

TEST_CASE("decode_html: a byte-order mark wins over every declaration and is removed") {
    auto utf8 = decode_html("\xEF\xBB\xBF<meta charset=gbk><p>中文</p>", "text/html; charset=gbk");
    CHECK(utf8.charset == "utf-8");
    CHECK(utf8.utf8 == "<meta charset=gbk><p>中文</p>");

    auto le = decode_html(std::string("\xFF\xFE<\0p\0>\0\x2D\x4E\x87\x65", 12), "");
    CHECK(le.charset == "utf-16le");
    CHECK(le.utf8 == "<p>中文");

    auto be = decode_html(std::string("\xFE\xFF\0<\0p\0>\x4E\x2D\x65\x87", 12), "text/html");
    CHECK(be.charset == "utf-16be");
    CHECK(be.utf8 == "<p>中文");
}

TEST_CASE("decode_html: the HTTP charset parameter comes before the meta") {
    auto gbk = decode_html("<meta charset=utf-8><p>" + gbk_zhongwen, "text/html; charset=GBK");
    CHECK(gbk.charset == "gb18030");
    CHECK(gbk.utf8 == "<meta charset=utf-8><p>中文");

    auto quoted = decode_html(gbk_tongzhi_gonggao, "text/html;Charset=\"gb2312\"");
    CHECK(quoted.charset == "gb18030");
    CHECK(quoted.utf8 == "通知公告");

    auto big5 = decode_html("\xA4\xA4\xA4\xE5", "text/html; charset=big5");
    CHECK(big5.charset == "big5");
    CHECK(big5.utf8 == "中文");

    // An unknown label is no declaration: the meta decides.
    auto unknown = decode_html("<meta charset=gbk>" + gbk_zhongwen, "text/html; charset=x-bogus");
    CHECK(unknown.charset == "gb18030");
    CHECK(unknown.utf8 == "<meta charset=gbk>中文");
}

TEST_CASE("decode_html: meta charset and http-equiv in any attribute order, quoted or not") {
    auto meta = decode_html("<html><head><meta charset=\"gb2312\"><title>" + gbk_zhongwen, "");
    CHECK(meta.charset == "gb18030");
    CHECK(meta.utf8 == "<html><head><meta charset=\"gb2312\"><title>中文");

    auto reversed = decode_html(
        "<META CONTENT=\"text/html; charset=GBK\" HTTP-EQUIV=\"Content-Type\">" + gbk_zhongwen, "");
    CHECK(reversed.charset == "gb18030");

    auto unquoted = decode_html("<meta content=text/html;charset=x-gbk http-equiv=content-type/>" +
                                    gbk_zhongwen,
                                "text/html");
    CHECK(unquoted.charset == "gb18030");
    CHECK(unquoted.utf8.ends_with("中文"));

    auto single = decode_html("<meta http-equiv='Content-Type' content='text/html; charset=big5'>"
                              "\xA4\xA4\xA4\xE5",
                              "");
    CHECK(single.charset == "big5");
    CHECK(single.utf8.ends_with("中文"));
}

TEST_CASE("decode_html: the prescan ignores what a browser ignores") {
    // content= without http-equiv=Content-Type declares nothing.
    CHECK(decode_html("<meta content=\"text/html; charset=big5\"><p>中文", "").charset == "utf-8");
    // A meta in a comment, or inside another tag's quoted attribute, is not a meta.
    CHECK(decode_html("<!-- <meta charset=big5> --><p>中文", "").charset == "utf-8");
    CHECK(decode_html("<div title='a>b <meta charset=big5>'><meta charset=gbk>" + gbk_zhongwen, "")
              .charset == "gb18030");
    // Past the first 1024 bytes a meta is too late; the sniff reads GBK as GB18030.
    auto late = decode_html(std::string(1100, ' ') + "<meta charset=big5>" + gbk_zhongwen, "");
    CHECK(late.charset == "gb18030");
    CHECK(late.utf8.ends_with("中文"));
    // A meta cannot declare UTF-16: its own bytes were ASCII.
    CHECK(decode_html("<meta charset=utf-16><p>中文", "").charset == "utf-8");
}

TEST_CASE("decode_html: without a declaration, UTF-8 if it reads as UTF-8, else GB18030") {
    auto ascii = decode_html("<p>hello</p>", "");
    CHECK(ascii.charset == "utf-8");
    CHECK(ascii.utf8 == "<p>hello</p>");

    CHECK(decode_html("<p>中文通知公告</p>", "text/html").charset == "utf-8");

    auto gbk = decode_html("<p>" + gbk_zhongwen + gbk_tongzhi_gonggao + "</p>", "");
    CHECK(gbk.charset == "gb18030");
    CHECK(gbk.utf8 == "<p>中文通知公告</p>");

    // GB18030 four-byte sequences decode too (U+3400).
    CHECK(decode_html("\x81\x39\xEE\x39", "text/html; charset=gbk").utf8 == "\xE3\x90\x80");

    // One stray byte in a long UTF-8 page, or a body cut inside a character, is still UTF-8.
    std::string long_page;
    for (int i = 0; i < 40; ++i)
        long_page += "中文";
    auto stray = decode_html(long_page + "\xB7" + "end", "");
    CHECK(stray.charset == "utf-8");
    CHECK(stray.utf8 == long_page + "\xEF\xBF\xBD" + "end");
    auto cut = decode_html("<p>中文\xE9\x80", "");
    CHECK(cut.charset == "utf-8");
    CHECK(cut.utf8 == "<p>中文\xEF\xBF\xBD");
}

TEST_CASE("decode_html replaces invalid bytes with U+FFFD") {
    // WHATWG UTF-8: one U+FFFD per maximal ill-formed subsequence.
    auto utf8 = decode_html("a\xC3(b\xE0\x80\xAF"
                            "c\xED\xA0\x80"
                            "d\xF0\x90\x80"
                            "e",
                            "text/html; charset=utf-8");
    CHECK(utf8.utf8 == "a\uFFFD(b\uFFFD\uFFFD\uFFFDc\uFFFD\uFFFD\uFFFDd\uFFFDe");

    auto gbk = decode_html("\xD6\xD0\xFF\xCE\xC4", "text/html; charset=gbk");
    CHECK(gbk.charset == "gb18030");
    CHECK(gbk.utf8 == "中\uFFFD文");
    // A lead byte followed by ASCII loses only itself.
    CHECK(decode_html("\xD6<p>", "text/html; charset=gbk").utf8 == "\uFFFD<p>");
    // A body that ends inside a character.
    CHECK(decode_html("\xD6\xD0\xCE", "text/html; charset=gbk").utf8 == "中\uFFFD");
    CHECK(decode_html(std::string("\xFF\xFE<\0p", 5), "").utf8 == "<\uFFFD");
}

TEST_CASE("decode_html turns any bytes in any charset into well-formed UTF-8") {
    std::mt19937 random{20240601};
    std::uniform_int_distribution<int> byte{0, 255};
    for (const char* header : {"", "text/html; charset=gbk", "text/html; charset=big5",
                               "text/html; charset=utf-8", "text/html; charset=utf-16be",
                               "text/html; charset=shift_jis", "text/html; charset=latin1"}) {
        for (int round = 0; round < 20; ++round) {
            std::string body(static_cast<std::size_t>(round * 37), '\0');
            for (auto& c : body)
                c = static_cast<char>(byte(random));
            const auto decoded = decode_html(body, header);
            CHECK_MESSAGE(well_formed_utf8(decoded.utf8), header);
            CHECK_FALSE(decoded.charset.empty());
        }
    }
    CHECK(decode_html("", "").utf8.empty());
    CHECK(decode_html("", "").charset == "utf-8");
}

TEST_CASE("canonical_charset maps the labels Chinese sites send") {
    CHECK(canonical_charset("GB2312") == "gb18030");
    CHECK(canonical_charset(" x-gbk ") == "gb18030");
    CHECK(canonical_charset("gb_2312-80") == "gb18030");
    CHECK(canonical_charset("GBK") == "gb18030");
    CHECK(canonical_charset("UTF8") == "utf-8");
    CHECK(canonical_charset("Big5-HKSCS") == "big5");
    CHECK(canonical_charset("ISO-8859-1") == "windows-1252");
    CHECK(canonical_charset("Shift_JIS") == "shift_jis");
    CHECK_FALSE(canonical_charset("no-such-charset"));
    CHECK_FALSE(canonical_charset(""));
    CHECK_FALSE(canonical_charset("utf-8 ; x=y"));
}
