#include "probes/site/page_url.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("links resolve against the page") {
    constexpr std::string_view page = "http://www.ccgp-hebei.gov.cn/cd/wc/index_651.html?x=1#top";
    CHECK(resolve_link("./cggg/", page) == "http://www.ccgp-hebei.gov.cn/cd/wc/cggg/");
    CHECK(resolve_link("../../csqh/", page) == "http://www.ccgp-hebei.gov.cn/csqh/");
    CHECK(resolve_link("/a/../b/c.html#p2", page) == "http://www.ccgp-hebei.gov.cn/b/c.html");
    CHECK(resolve_link("//static.example.cn/x.js", page) == "http://static.example.cn/x.js");
    CHECK(resolve_link("https://www.gov.cn", page) == "https://www.gov.cn/");
    CHECK(resolve_link("?page=2", page) ==
          "http://www.ccgp-hebei.gov.cn/cd/wc/index_651.html?page=2");
    CHECK(resolve_link(" t20261102_1.html ", page) ==
          "http://www.ccgp-hebei.gov.cn/cd/wc/t20261102_1.html");
}

TEST_CASE("links a reader does not follow to another page") {
    constexpr std::string_view page = "https://www.gov.cn/";
    CHECK_FALSE(resolve_link("javascript:void(0);", page).has_value());
    CHECK_FALSE(resolve_link("mailto:a@b.cn", page).has_value());
    CHECK_FALSE(resolve_link("#top", page).has_value());
    CHECK_FALSE(resolve_link("", page).has_value());
    CHECK_FALSE(resolve_link("http://", page).has_value());
    CHECK_FALSE(resolve_link("a.html", "not a url").has_value());
}

TEST_CASE("hosts") {
    CHECK(authority_of("HTTP://WWW.Gov.CN:8080/a") == "www.gov.cn:8080");
    CHECK(authority_of("https://user@tjj.nantong.gov.cn") == "tjj.nantong.gov.cn");
    CHECK(authority_of("/relative").empty());
}
