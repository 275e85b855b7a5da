#include "probes/ads/filter_engine.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;

// Not a benchmark: counts the rules one request looks at. A linear scan would look at all
// 20,000; the indexes must keep it to the few that share a host suffix or a token.
TEST_CASE("with 20000 rules a request examines only a handful") {
    std::string list;
    for (int i = 0; i < 10000; ++i) {
        list += "||adhost" + std::to_string(i) + ".network" + std::to_string(i % 97) + ".com^\n";
    }
    for (int i = 0; i < 5000; ++i) {
        list += "/banner" + std::to_string(i) + "/*$image\n";
        list += "-promo" + std::to_string(i) + "-\n";
    }
    filter_engine engine;
    engine.add_list(list, "synthetic");
    REQUIRE(engine.stats().blocking == 20000);

    const request_context requests[] = {
        {"https://adhost4242.network71.com/slot.js", "www.gov.cn", resource_type::script},
        {"https://cdn.example.com/banner4999/x.gif", "www.gov.cn", resource_type::image},
        {"https://cdn.example.com/img/top-promo77-a.png", "www.gov.cn", resource_type::image},
        {"http://www.hubei.gov.cn/zwgk/hbyw/202611/t20261102_5000000.shtml", "www.hubei.gov.cn",
         resource_type::other},
    };
    for (const auto& request : requests) {
        CAPTURE(request.url);
        CHECK(engine.rules_examined(request) <= 3);
    }
    CHECK(engine.matches(requests[0]));
    CHECK(engine.matches(requests[1]));
    CHECK(engine.matches(requests[2]));
    CHECK_FALSE(engine.matches(requests[3]));
    CHECK_FALSE(engine.matches({"https://adhost4242.network70.com/", "www.gov.cn"}));
}
