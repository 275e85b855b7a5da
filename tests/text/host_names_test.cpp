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
