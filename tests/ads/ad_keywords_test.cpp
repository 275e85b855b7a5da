#include "probes/ads/ad_keywords.hpp"
#include "text/host_names.hpp"

#include <doctest/doctest.h>

using namespace govmon;

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
