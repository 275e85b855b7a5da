#include "text/host_names.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("host_of finds the host behind scheme, userinfo and port") {
    CHECK(host_of("https://WWW.Hubei.gov.cn/zwgk/index.html") == "www.hubei.gov.cn");
    CHECK(host_of("http://user:pw@ads.example.com:8080/x") == "ads.example.com");
    CHECK(host_of("http://example.com.") == "example.com");
    CHECK(host_of("http://[2001:db8::1]:80/") == "[2001:db8::1]");
    CHECK(host_of("/relative/path") == "");
}

TEST_CASE("registrable domains from the public suffix list") {
    CHECK(registrable_domain("www.hubei.gov.cn") == "hubei.gov.cn");
    CHECK(registrable_domain("pos.baidu.com") == "baidu.com");
    CHECK(registrable_domain("a.b.example.com.cn") == "example.com.cn");
    CHECK(registrable_domain("www.example.com.cn") == "example.com.cn");
    CHECK(registrable_domain("www.example.bj.cn") == "example.bj.cn");
    CHECK(registrable_domain("news.bbc.co.uk") == "bbc.co.uk");
    CHECK(registrable_domain("www.example.edu.cn") == "example.edu.cn");
    CHECK(registrable_domain("localhost") == "localhost");
    CHECK(registrable_domain("com.cn") == "com.cn");
    CHECK(registrable_domain("www.abc.net.au") == "abc.net.au");
    // Second levels a guess from two-letter codes missed: the list knows ne.jp and gv.at.
    CHECK(registrable_domain("www.example.ne.jp") == "example.ne.jp");
    CHECK(registrable_domain("news.example.gv.at") == "example.gv.at");
}

TEST_CASE("private entries of the list do not split a hosting company from its customers") {
    CHECK(registrable_domain("news.example.blogspot.com") == "blogspot.com");
    CHECK(registrable_domain("someone.github.io") == "github.io");
}

TEST_CASE("below gov.cn and .政务 every body registers one label") {
    CHECK(registrable_domain("a.b.hubei.gov.cn") == "hubei.gov.cn");
    CHECK(registrable_domain("www.wuhan.hubei.gov.cn") == "hubei.gov.cn");
    CHECK(registrable_domain("hubei.gov.cn") == "hubei.gov.cn");
    CHECK(registrable_domain("www.gov.cn") == "www.gov.cn");
    CHECK(registrable_domain("gov.cn") == "gov.cn");
    CHECK(registrable_domain("www.example.政务") == "example.政务");
    CHECK(registrable_domain("a.www.example.xn--zfr164b") == "example.xn--zfr164b");
}

TEST_CASE("addresses keep the answer they always had") {
    CHECK(registrable_domain("127.0.0.1") == "0.1");
    CHECK(registrable_domain("") == "");
}

TEST_CASE("hosts under a domain at a label boundary") {
    CHECK(host_is_under("x.a.com", "a.com"));
    CHECK(host_is_under("a.com", "a.com"));
    CHECK_FALSE(host_is_under("xa.com", "a.com"));
    CHECK_FALSE(host_is_under("a.com", ""));
}

TEST_CASE("government hosts") {
    CHECK(is_government_host("www.gov.cn"));
    CHECK(is_government_host("www.hubei.gov.cn"));
    CHECK(is_government_host("www.example.政务"));
    CHECK(is_government_host("www.example.xn--zfr164b"));
    CHECK(is_government_host("www.usa.gov"));
    CHECK_FALSE(is_government_host("notgov.cn"));
    CHECK_FALSE(is_government_host("gov.cn.example.com"));
}
