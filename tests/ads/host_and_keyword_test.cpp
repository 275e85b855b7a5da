#include "probes/ads/ad_keywords.hpp"
#include "probes/ads/host_names.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("host_of finds the host behind scheme, userinfo and port") {
    CHECK(host_of("https://WWW.Hubei.gov.cn/zwgk/index.html") == "www.hubei.gov.cn");
    CHECK(host_of("http://user:pw@ads.example.com:8080/x") == "ads.example.com");
    CHECK(host_of("http://example.com.") == "example.com");
    CHECK(host_of("http://[2001:db8::1]:80/") == "[2001:db8::1]");
    CHECK(host_of("/relative/path") == "");
}

TEST_CASE("registrable domains without the public suffix list") {
    CHECK(registrable_domain("www.hubei.gov.cn") == "hubei.gov.cn");
    CHECK(registrable_domain("pos.baidu.com") == "baidu.com");
    CHECK(registrable_domain("a.b.example.com.cn") == "example.com.cn");
    CHECK(registrable_domain("www.example.bj.cn") == "example.bj.cn");
    CHECK(registrable_domain("news.bbc.co.uk") == "bbc.co.uk");
    CHECK(registrable_domain("www.gov.cn") == "www.gov.cn");
    CHECK(registrable_domain("localhost") == "localhost");
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

TEST_CASE("ad keyword links lead to another, non-government host") {
    const std::vector<std::string> keywords{"广告", "推广", "赞助", "AD"};
    const std::string_view page = "www.hubei.gov.cn";
    CHECK(is_ad_keyword_link("推广：优质钢材批发", "shop.example.com", page, keywords));
    CHECK(is_ad_keyword_link("[广告] 点此领取", "Promo.Example.com", page, keywords));
    CHECK(is_ad_keyword_link("Free ad here", "promo.example.com", page, keywords));
    CHECK_FALSE(is_ad_keyword_link("推广：优质钢材批发", "www.hubei.gov.cn", page, keywords));
    CHECK_FALSE(is_ad_keyword_link("公益广告", "www.gov.cn", page, keywords));
    CHECK_FALSE(is_ad_keyword_link("公益广告", "www.example.政务", page, keywords));
    CHECK_FALSE(is_ad_keyword_link("关于开展推广工作的通知", "", page, keywords));
    CHECK_FALSE(is_ad_keyword_link("湖北省人民政府", "shop.example.com", page, keywords));
    CHECK_FALSE(is_ad_keyword_link("广告", "shop.example.com", page, {}));
}
