// Cases from the WHATWG URL test data of web-platform-tests (url/resources/urltestdata.json,
// github.com/web-platform-tests/wpt, read at commit 04f8022e), restricted to http(s), and the
// hrefs of issue 11 ("//////", "http:/x", "http://localhost]"). Expected values are the
// `href` of the data, minus fragments (the crawler drops them) and userinfo (the client does),
// and, where marked, after govmon's own normalisation (normalize_url: escapes of unreserved
// characters decoded, a '%' that starts no escape written %25), which browsers treat alike.
// Lines marked "own" are not from the data: shapes of the same rules written for govmon.
#include "probes/http/url.hpp"
#include "probes/http/url_normalize.hpp"

#include <doctest/doctest.h>

#include <string>

using govmon::http::parse_url;
using govmon::http::resolve_and_normalize;

namespace {

std::string resolve(const char* base, const char* input) {
    const auto b = parse_url(base);
    REQUIRE(b);
    return resolve_and_normalize(*b, input).value_or("<failure>");
}

constexpr const char* example = "http://example.org/foo/bar";

} // namespace

TEST_CASE("WHATWG: tabs and newlines vanish, spaces around are trimmed") {
    CHECK(resolve(example, "http://example\t.\norg") == "http://example.org/");
    CHECK(resolve(example, " foo.com  ") == "http://example.org/foo/foo.com");
    CHECK(resolve(example, "\t   :foo.com   \n") == "http://example.org/foo/:foo.com");
    CHECK(resolve(example, "http://f:\n/c") == "http://f/c");
    CHECK(resolve(example, "  \t") == "http://example.org/foo/bar");
}

TEST_CASE("WHATWG: backslashes are slashes in http(s)") {
    CHECK(resolve(example, "\\x") == "http://example.org/x");
    CHECK(resolve(example, "\\\\x\\hello") == "http://x/hello");
    CHECK(resolve(example, ":foo.com\\") == "http://example.org/foo/:foo.com/");
    CHECK(resolve(example, "http://foo.com/\\@") == "http://foo.com//@");
}

TEST_CASE("WHATWG: a scheme equal to the base's is a relative reference") {
    CHECK(resolve(example, "http:foo.com") == "http://example.org/foo/foo.com");
    CHECK(resolve(example, "http::@c:29") == "http://example.org/foo/:@c:29");
    CHECK(resolve(example, "http:/example.com/") == "http://example.org/example.com/");
    // Another special scheme takes what follows its slashes as the host.
    CHECK(resolve(example, "https:example.com/") == "https://example.com/");
    CHECK(resolve("https://example.org/foo/bar", "http:/x") == "http://x/"); // own
    CHECK(resolve(example, "http:/x") == "http://example.org/x");            // own
}

TEST_CASE("WHATWG: any run of slashes before a host is skipped; none left is a failure") {
    CHECK(resolve(example, "///x/y") == "http://x/y");    // own
    CHECK(resolve(example, "http:////x") == "http://x/"); // own
    CHECK(resolve(example, "//////") == "<failure>");
    CHECK(resolve(example, "http://") == "<failure>");  // own
    CHECK(resolve(example, "http:///") == "<failure>"); // own
}

TEST_CASE("WHATWG: ports") {
    CHECK(resolve(example, "http://f:/c") == "http://f/c");
    CHECK(resolve(example, "http://f:00000000000000000000080/c") == "http://f/c");
    CHECK(resolve(example, "http://f:b/c") == "<failure>");
    CHECK(resolve(example, "http://f: /c") == "<failure>");
    CHECK(resolve(example, "http://f:999999/c") == "<failure>");
    CHECK(resolve(example, "http://f:fifty-two/c") == "<failure>");
    CHECK(resolve(example, "http://f:21/ b ? d # e ") == "http://f:21/%20b%20?%20d%20");
}

TEST_CASE("WHATWG: forbidden host code points fail") {
    CHECK(resolve(example, "http://localhost]") == "<failure>");
    CHECK(resolve(example, "http://a<b") == "<failure>"); // own
    CHECK(resolve(example, "http://a^b") == "<failure>"); // own
    CHECK(resolve(example, "http://a|b") == "<failure>"); // own
    CHECK(resolve(example, "http://[www.google.com]/") == "<failure>");
    CHECK(resolve(example, "http://%25") == "<failure>");
    CHECK(resolve(example, "http://hello%00") == "<failure>");
}

TEST_CASE("WHATWG: hosts are percent-decoded and lower-cased") {
    CHECK(resolve(example, "http://%41.com") == "http://a.com/");           // own
    CHECK(resolve(example, "http://ExAmPlE.CoM") == "http://example.com/"); // own
}

TEST_CASE("WHATWG: IPv4 hosts in every numeric form") {
    CHECK(resolve(example, "http://0x7f.1/") == "http://127.0.0.1/");     // own
    CHECK(resolve(example, "http://2130706433/") == "http://127.0.0.1/"); // own
    CHECK(resolve(example, "http://192.0x00A80001") == "http://192.168.0.1/");
    CHECK(resolve(example, "http://0300.0250.0000.0001/") == "http://192.168.0.1/"); // own
    CHECK(resolve(example, "http://1.2.3.4.5") == "<failure>");
    CHECK(resolve(example, "http://256.256.256.256") == "<failure>");
    CHECK(resolve(example, "http://4294967296") == "<failure>");
}

TEST_CASE("WHATWG: IPv6 literals are written in their canonical form") {
    CHECK(resolve(example, "http://[1:0::]") == "http://[1::]/");
    CHECK(resolve(example, "http://[0:0:0:0:0:0:13.1.68.3]") == "http://[::d01:4403]/");
    CHECK(resolve(example, "http://[::127.0.0.1]") == "http://[::7f00:1]/");
    CHECK(resolve(example, "http://[2001:DB8:0:0:1:0:0:1]/") ==
          "http://[2001:db8::1:0:0:1]/");                                    // own
    CHECK(resolve(example, "http://[::1]:8080/x") == "http://[::1]:8080/x"); // own
    CHECK(resolve(example, "http://[1:2:3:4:5:6:7:8:9]") == "<failure>");    // own
    CHECK(resolve(example, "http://[::1") == "<failure>");                   // own
    CHECK(resolve(example, "http://[::1%eth0]") == "<failure>");             // own
}

TEST_CASE("WHATWG: paths and queries are percent-encoded, dot segments removed") {
    // Normalised: the data's hrefs are ".../foo/%2e%2" and "http://example.com/%2e.bar".
    CHECK(resolve(example, "http://example.com/foo/%2e%2") == "http://example.com/foo/.%252");
    CHECK(resolve(example, "http://example.com/foo/%2e./%2e%2e/.%2e/%2e.bar") ==
          "http://example.com/..bar");
    CHECK(resolve(example, "http://example.com/\xE4\xBD\xA0\xE5\xA5\xBD") ==
          "http://example.com/%E4%BD%A0%E5%A5%BD"); // own
    CHECK(resolve(example, "http://example.com/foo%") ==
          "http://example.com/foo%25"); // own, normalised
}

TEST_CASE("WHATWG: other schemes are not http(s) links") {
    CHECK(resolve(example, "javascript:void(0)") == "<failure>"); // own
    CHECK(resolve(example, "mailto:a@b.c") == "<failure>");       // own
    CHECK(resolve(example, "ftp://x/") == "<failure>");           // own
}

TEST_CASE("WHATWG: parse_url and resolve_url (Location values) apply the same rules") {
    const auto base = parse_url("http://example.org/foo/bar");
    REQUIRE(base);
    CHECK(govmon::http::resolve_url(*base, "\\\\x\\hello")->str() == "http://x/hello");
    CHECK(govmon::http::resolve_url(*base, " /a\tb\n ")->str() == "http://example.org/ab");
    CHECK(parse_url("  http://exa\tmple.org/x ")->str() == "http://example.org/x");
    CHECK(parse_url("http:\\\\example.org\\x")->str() == "http://example.org/x");
    CHECK_FALSE(parse_url("http://localhost]"));
}
