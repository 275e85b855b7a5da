#include "daemon/config/nearest_word.hpp"
#include "daemon/config/value_checks.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("value checks") {
    CHECK(is_http_url("https://www.gov.cn/"));
    CHECK(is_http_url("HTTP://www.hubei.gov.cn:8080/a?b#c"));
    CHECK(is_http_url("http://[::1]:1200/x"));
    CHECK_FALSE(is_http_url("www.gov.cn"));
    CHECK_FALSE(is_http_url("https://"));
    CHECK_FALSE(is_http_url("https://www.gov.cn:99999/"));
    CHECK_FALSE(is_http_url("https://www.gov.cn/a b"));
    CHECK(is_email_address("web@hubei.gov.cn"));
    CHECK_FALSE(is_email_address("web@hubei"));
    CHECK_FALSE(is_email_address("湖北 <web@hubei.gov.cn>"));
    CHECK_FALSE(is_email_address("a@b@c.cn"));
    CHECK(is_host_port("127.0.0.1:9464"));
    CHECK(is_host_port("[::1]:9464"));
    CHECK_FALSE(is_host_port("127.0.0.1"));
    CHECK_FALSE(is_host_port(":9464"));
    CHECK_FALSE(is_host_port("[::1]"));
    CHECK(is_ip_address("10.0.0.1"));
    CHECK(is_ip_address("2001:db8::1"));
    CHECK_FALSE(is_ip_address("10.0.0.256"));
    CHECK_FALSE(is_ip_address("[::1]"));
    CHECK(parse_account_status("正常") == std::optional<bool>(true));
    CHECK(parse_account_status("") == std::optional<bool>(true));
    CHECK(parse_account_status("注销") == std::optional<bool>(false));
    CHECK_FALSE(parse_account_status("暂停").has_value());
}

TEST_CASE("nearest_word suggests only plausible typos") {
    const std::vector<std::string> keys{"availability_every", "crawl_every", "jitter"};
    CHECK(nearest_word("availabilty_every", keys) ==
          std::optional<std::string>("availability_every"));
    CHECK(nearest_word("jiter", keys) == std::optional<std::string>("jitter"));
    CHECK_FALSE(nearest_word("colour", keys).has_value());
    CHECK(did_you_mean("xyz", keys).empty());
}
