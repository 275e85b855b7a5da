#include "probes/http/url.hpp"

#include <doctest/doctest.h>

using govmon::http::parse_url;
using govmon::http::remove_dot_segments;
using govmon::http::resolve_url;

TEST_CASE("parse_url splits and normalises an absolute URL") {
    auto u = parse_url("HTTPS://WWW.Example.GOV.cn/a/b?x=1#frag");
    REQUIRE(u);
    CHECK(u->scheme == "https");
    CHECK(u->host == "www.example.gov.cn");
    CHECK(u->port == 443);
    CHECK(u->target == "/a/b?x=1");
    CHECK(u->str() == "https://www.example.gov.cn/a/b?x=1");

    auto bare = parse_url("http://example.com");
    REQUIRE(bare);
    CHECK(bare->target == "/");
    CHECK(bare->port == 80);

    auto v6 = parse_url("http://[::1]:8080/x");
    REQUIRE(v6);
    CHECK(v6->host == "::1");
    CHECK(v6->ipv6_literal);
    CHECK(v6->port == 8080);
    CHECK(v6->authority() == "[::1]:8080");
    CHECK(v6->str() == "http://[::1]:8080/x");

    auto user = parse_url("http://user:pw@host:81/");
    REQUIRE(user);
    CHECK(user->host == "host");
    CHECK(user->port == 81);
}

TEST_CASE("parse_url rejects what the client cannot fetch") {
    CHECK_FALSE(parse_url("ftp://example.com/"));
    CHECK_FALSE(parse_url("/relative/path"));
    CHECK_FALSE(parse_url("http://"));
    CHECK_FALSE(parse_url("http://host:0/"));
    CHECK_FALSE(parse_url("http://host:70000/"));
    CHECK_FALSE(parse_url("http://host:abc/"));
    CHECK_FALSE(parse_url("mailto:a@b.c"));
    CHECK_FALSE(parse_url("http://[::1/"));
}

TEST_CASE("parse_url percent-encodes spaces and non-ASCII in the target") {
    auto u = parse_url("http://h/新闻 中心?q=a b");
    REQUIRE(u);
    CHECK(u->target == "/%E6%96%B0%E9%97%BB%20%E4%B8%AD%E5%BF%83?q=a%20b");
}

TEST_CASE("remove_dot_segments follows RFC 3986 5.2.4") {
    CHECK(remove_dot_segments("/a/b/c/./../../g") == "/a/g");
    CHECK(remove_dot_segments("mid/content=5/../6") == "mid/6");
    CHECK(remove_dot_segments("/../x") == "/x");
    CHECK(remove_dot_segments("/a/..") == "/");
}

TEST_CASE("resolve_url: RFC 3986 5.4 normal and abnormal examples") {
    auto base = parse_url("http://a/b/c/d;p?q");
    REQUIRE(base);
    auto r = [&](const char* ref) {
        auto u = resolve_url(*base, ref);
        return u ? u->str() : std::string{"<none>"};
    };
    CHECK(r("g") == "http://a/b/c/g");
    CHECK(r("./g") == "http://a/b/c/g");
    CHECK(r("g/") == "http://a/b/c/g/");
    CHECK(r("/g") == "http://a/g");
    CHECK(r("//g") == "http://g/");
    CHECK(r("?y") == "http://a/b/c/d;p?y");
    CHECK(r("g?y") == "http://a/b/c/g?y");
    CHECK(r("#s") == "http://a/b/c/d;p?q");
    CHECK(r("g#s") == "http://a/b/c/g");
    CHECK(r(";x") == "http://a/b/c/;x");
    CHECK(r("") == "http://a/b/c/d;p?q");
    CHECK(r(".") == "http://a/b/c/");
    CHECK(r("./") == "http://a/b/c/");
    CHECK(r("..") == "http://a/b/");
    CHECK(r("../g") == "http://a/b/g");
    CHECK(r("../..") == "http://a/");
    CHECK(r("../../g") == "http://a/g");
    CHECK(r("../../../g") == "http://a/g");
    CHECK(r("/./g") == "http://a/g");
    CHECK(r("/../g") == "http://a/g");
    CHECK(r("g.") == "http://a/b/c/g.");
    CHECK(r("..g") == "http://a/b/c/..g");
    CHECK(r("./../g") == "http://a/b/g");
    CHECK(r("g/./h") == "http://a/b/c/g/h");
    CHECK(r("g/../h") == "http://a/b/c/h");
    CHECK(r("https://other.example:8443/x") == "https://other.example:8443/x");
    CHECK(r("HTTP://Other/") == "http://other/");
    CHECK(r("ftp://x/") == "<none>");
}

TEST_CASE("resolve_url keeps the base's port and IPv6 brackets and its scheme for //host") {
    auto base = parse_url("https://[::1]:8443/dir/page");
    REQUIRE(base);
    auto rel = resolve_url(*base, "../other?x");
    REQUIRE(rel);
    CHECK(rel->str() == "https://[::1]:8443/other?x");
    auto net = resolve_url(*base, "//example.org/y");
    REQUIRE(net);
    CHECK(net->str() == "https://example.org/y");
}
