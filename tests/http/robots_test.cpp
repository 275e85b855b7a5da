#include "probes/http/robots.hpp"

#include <doctest/doctest.h>

using govmon::http::robots_rules;

TEST_CASE("robots: the longest matching rule wins, Allow wins a tie") {
    auto r = robots_rules::parse("User-agent: *\n"
                                 "Disallow: /private/\n"
                                 "Allow: /private/open/\n"
                                 "Disallow: /search\n"
                                 "Allow: /p\n"
                                 "Disallow: /p\n",
                                 "govmon/1.0 (+https://example.gov.cn/govmon)");
    CHECK(r.allows("/"));
    CHECK(r.allows("/index.html"));
    CHECK_FALSE(r.allows("/private/a.html"));
    CHECK(r.allows("/private/open/a.html"));
    CHECK_FALSE(r.allows("/search?q=x"));
    CHECK_FALSE(r.allows("/searching"));
    CHECK(r.allows("/page"));
}

TEST_CASE("robots: wildcards and end anchors") {
    auto r = robots_rules::parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/cache\n",
                                 "govmon/1.0");
    CHECK_FALSE(r.allows("/files/report.pdf"));
    CHECK(r.allows("/files/report.pdf?download=1"));
    CHECK_FALSE(r.allows("/tmp123/cache/x"));
    CHECK(r.allows("/tmp/other"));
}

TEST_CASE("robots: our own group replaces the wildcard group") {
    const char* text = "User-agent: *\nDisallow: /\n\n"
                       "User-agent: govmon\nUser-agent: linkchecker\nDisallow: /admin\n";
    auto ours = robots_rules::parse(text, "govmon/1.0");
    CHECK(ours.allows("/news/"));
    CHECK_FALSE(ours.allows("/admin/login"));
    auto theirs = robots_rules::parse(text, "otherbot/2.0");
    CHECK_FALSE(theirs.allows("/news/"));
}

TEST_CASE("robots: empty, garbage and empty Disallow allow everything") {
    CHECK(robots_rules::parse("", "govmon").allows("/x"));
    CHECK(robots_rules::parse("<html>404 页面不存在</html>", "govmon").allows("/x"));
    CHECK(robots_rules::parse("User-agent: *\nDisallow:\n", "govmon").allows("/x"));
    CHECK(robots_rules::parse("Disallow: /\n", "govmon").allows("/x"));
}
