#include "probes/site/site_scope.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("the sub-host domain is the home host without www., never above its registrable domain") {
    CHECK(subhost_domain("www.hubei.gov.cn") == "hubei.gov.cn");
    CHECK(subhost_domain("fgw.hubei.gov.cn") == "fgw.hubei.gov.cn");
    CHECK(subhost_domain("www.wuhan.hubei.gov.cn") == "wuhan.hubei.gov.cn");
    CHECK(subhost_domain("www.gov.cn") == "www.gov.cn");
    CHECK(subhost_domain("hubei.gov.cn") == "hubei.gov.cn");
    CHECK(subhost_domain("www.example.com.cn") == "example.com.cn");
    CHECK(subhost_domain("127.0.0.1") == "127.0.0.1");
    CHECK(subhost_domain("::1") == "::1");
}

TEST_CASE("with sub-hosts a site takes in the hosts of its own government domain only") {
    const site_scope hubei{"www.hubei.gov.cn", true};
    CHECK(hubei.contains("www.hubei.gov.cn"));
    CHECK(hubei.contains("fgw.hubei.gov.cn"));
    CHECK(hubei.contains("hubei.gov.cn"));
    CHECK(hubei.contains("a.b.hubei.gov.cn"));
    CHECK_FALSE(hubei.contains("www.hunan.gov.cn"));
    CHECK_FALSE(hubei.contains("xhubei.gov.cn"));
    CHECK_FALSE(hubei.contains("www.gov.cn"));

    const site_scope central{"www.gov.cn", true};
    CHECK_FALSE(central.contains("www.hubei.gov.cn"));

    const site_scope address{"127.0.0.1", true};
    CHECK_FALSE(address.contains("10.0.0.1"));

    const site_scope host_only{"www.hubei.gov.cn", false};
    CHECK(host_only.contains("www.hubei.gov.cn"));
    CHECK_FALSE(host_only.contains("fgw.hubei.gov.cn"));
}
