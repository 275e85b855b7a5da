#include "text/registrable_domain.hpp"

#include <doctest/doctest.h>

using namespace govmon;

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
