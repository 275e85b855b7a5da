#include "probes/http/url_normalize.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using govmon::http::normalize_url;
using govmon::http::parse_url;
using govmon::http::resolve_and_normalize;

namespace {

std::string norm(std::string_view text) {
    return normalize_url(text).value_or("<nullopt>");
}

std::string resolve(std::string_view base, std::string_view reference) {
    const auto b = parse_url(base);
    REQUIRE(b);
    return resolve_and_normalize(*b, reference).value_or("<nullopt>");
}

} // namespace

TEST_CASE("normalize_url lower-cases scheme and host, drops default ports and fragments") {
    CHECK(norm("HTTP://WWW.GOV.CN:80/Zhengce/Index.htm#top") ==
          "http://www.gov.cn/Zhengce/Index.htm");
    CHECK(norm("https://www.gov.cn:443") == "https://www.gov.cn/");
    CHECK(norm("https://www.gov.cn:80/") == "https://www.gov.cn:80/");
    CHECK(norm("http://www.gov.cn:8080/a") == "http://www.gov.cn:8080/a");
    CHECK(norm("http://www.gov.cn:/a") == "http://www.gov.cn/a");
    CHECK(norm("http://user:secret@www.gov.cn/a") == "http://www.gov.cn/a");
    CHECK(norm("http://[::1]:80/a") == "http://[::1]/a");
}

TEST_CASE("normalize_url removes dot segments, also those spelled with escapes") {
    CHECK(norm("http://www.gov.cn/a/./b/../c/d.htm") == "http://www.gov.cn/a/c/d.htm");
    CHECK(norm("http://www.gov.cn/../../x") == "http://www.gov.cn/x");
    CHECK(norm("http://www.gov.cn/a/%2e%2E/b") == "http://www.gov.cn/b");
    CHECK(norm("http://www.gov.cn/a/%2E/b") == "http://www.gov.cn/a/b");
}

TEST_CASE("normalize_url percent-encodes Chinese paths and queries in upper-case UTF-8") {
    CHECK(norm("https://www.gov.cn/新闻/列表.html?q=通知") ==
          "https://www.gov.cn/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8.html?q=%E9%80%9A%E7%9F%A5");
    CHECK(norm("https://www.gov.cn/%e6%96%b0%e9%97%bb/") ==
          "https://www.gov.cn/%E6%96%B0%E9%97%BB/");
    CHECK(norm("http://a.gov.cn/a b\"c|d<e>?x=1 2&y={z}") ==
          "http://a.gov.cn/a%20b%22c%7Cd%3Ce%3E?x=1%202&y=%7Bz%7D");
}

TEST_CASE("normalize_url decodes escaped unreserved characters and keeps reserved ones escaped") {
    CHECK(norm("http://a.gov.cn/%41%62%2D%5F%7E%30") == "http://a.gov.cn/Ab-_~0");
    CHECK(norm("http://a.gov.cn/a%2Fb?x=%3d%26") == "http://a.gov.cn/a%2Fb?x=%3D%26");
    // A '%' that starts no escape is the literal the server reads it as.
    CHECK(norm("http://a.gov.cn/100%?p=%zz") == "http://a.gov.cn/100%25?p=%25zz");
    CHECK(norm("http://a.gov.cn/100%25") == "http://a.gov.cn/100%25");
}

TEST_CASE("normalize_url turns IDN hosts into punycode") {
    CHECK(norm("http://中国政府网.政务/") == "http://xn--fiqs8sirgfmhq98a.xn--zfr164b/");
    CHECK(norm("http://中国政府网。政务") == "http://xn--fiqs8sirgfmhq98a.xn--zfr164b/");
    CHECK(norm("http://bücher.example/") == "http://xn--bcher-kva.example/");
    CHECK(norm("http://BÜCHER.Example/") == "http://xn--bcher-kva.example/");
    CHECK(norm("https://www.他们为什么不说中文.cn/a") ==
          "https://www.xn--ihqwcrb4cv8a8dqg056pqjye.cn/a");
    CHECK(norm("http://ｗｗｗ．gov.cn/") == "http://www.gov.cn/");
}

// Found by fuzz/url_fuzz (fuzz/regressions/url_fuzz): the full-width mapping made a host that
// ends in a number, and the normalised URL no longer parsed.
TEST_CASE("normalize_url reads a full-width host by the ASCII host rules once it is mapped") {
    CHECK(norm("http:．2/") == "<nullopt>");
    CHECK(norm("http://．2/") == "<nullopt>");
    CHECK(norm("http://０x7f.１/") == "http://127.0.0.1/");
    CHECK(resolve("https://www.example.gov.cn/a/b.html", "http:．2/") == "<nullopt>");
}

TEST_CASE("normalize_url strips whitespace around and tabs and newlines inside, as browsers do") {
    CHECK(norm("  \n http://www.gov.cn/a\n/b\t.html \r\n") == "http://www.gov.cn/a/b.html");
    CHECK(norm("http://www.gov.cn\\zwgk\\index.htm?a=\\") ==
          "http://www.gov.cn/zwgk/index.htm?a=%5C");
    CHECK(norm("http://www.gov.cn/x?") == "http://www.gov.cn/x");
}

TEST_CASE("normalize_url skips the slashes before an http host, as browsers do") {
    CHECK(norm("http:///a") == "http://a/");
    CHECK(norm("http:a.gov.cn/x") == "http://a.gov.cn/x");
}

TEST_CASE("normalize_url refuses what is not an absolute http or https URL") {
    CHECK_FALSE(normalize_url("ftp://www.gov.cn/a"));
    CHECK_FALSE(normalize_url("mailto:info@gov.cn"));
    CHECK_FALSE(normalize_url("javascript:void(0)"));
    CHECK_FALSE(normalize_url("//www.gov.cn/a"));
    CHECK_FALSE(normalize_url("/a/b"));
    CHECK_FALSE(normalize_url("http:///"));
    CHECK_FALSE(normalize_url("http://a<b.gov.cn/"));
    CHECK_FALSE(normalize_url("http://$%7Bhost%7D/"));
    CHECK_FALSE(normalize_url("http://\xE4\xB8.cn/")); // truncated UTF-8 in the host
    CHECK_FALSE(normalize_url(""));
}

TEST_CASE("normalize_url gives every spelling of one resource the same string") {
    const std::set<std::string> spellings{
        norm("https://www.gov.cn/新闻/列表.html?q=通知"),
        norm("HTTPS://WWW.GOV.CN:443/新闻/./列表.html?q=通知#p2"),
        norm("https://www.gov.cn/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8.html?q=%E9%80%9A%E7%9F%A5"),
        norm("https://www.gov.cn/%e6%96%b0%e9%97%bb/x/../"
             "%e5%88%97%e8%a1%a8.html?q=%e9%80%9a%e7%9f%a5"),
        norm(" https://www.gov.cn/\u65B0%E9%97%BB/%E5%88%97%E8%A1%A8%2Ehtml?q=\u901A\u77E5 "),
    };
    CHECK(spellings.size() == 1);
    CHECK(*spellings.begin() ==
          "https://www.gov.cn/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8.html?q=%E9%80%9A%E7%9F%A5");
}

TEST_CASE("resolve_and_normalize resolves page references and normalises the result") {
    const auto base = "https://www.gov.cn/zhengce/2024/index.htm?page=1";
    CHECK(resolve(base, "../xinwen/a.htm") == "https://www.gov.cn/zhengce/xinwen/a.htm");
    CHECK(resolve(base, "/xinwen/./b.htm") == "https://www.gov.cn/xinwen/b.htm");
    CHECK(resolve(base, "//WWW.Gov.CN:443/x") == "https://www.gov.cn/x");
    CHECK(resolve(base, "?page=2") == "https://www.gov.cn/zhengce/2024/index.htm?page=2");
    CHECK(resolve(base, "列表.html") == "https://www.gov.cn/zhengce/2024/%E5%88%97%E8%A1%A8.html");
    CHECK(resolve(base, " \n ./a.htm#top ") == "https://www.gov.cn/zhengce/2024/a.htm");
    CHECK(resolve(base, "..\\..\\images\\logo.png") == "https://www.gov.cn/images/logo.png");
    CHECK(resolve(base, "http://中国政府网.政务/x") == "http://xn--fiqs8sirgfmhq98a.xn--zfr164b/x");
    CHECK(resolve("http://www.gov.cn:8080/a/b", "c") == "http://www.gov.cn:8080/a/c");
    CHECK(resolve(base, "java\nscript:alert(1)") == "<nullopt>");
    CHECK(resolve(base, "mailto:a@gov.cn") == "<nullopt>");
    CHECK(resolve(base, "data:image/png;base64,AAAA") == "<nullopt>");
    CHECK(resolve(base, "tel:12345") == "<nullopt>");
}
