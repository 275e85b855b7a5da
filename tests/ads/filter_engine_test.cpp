#include "probes/ads/filter_engine.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;

namespace {

constexpr std::string_view gov_page = "www.example.gov.cn";

filter_engine engine_of(std::string_view rules) {
    filter_engine engine;
    engine.add_list(rules, "test.txt");
    return engine;
}

bool blocked(const filter_engine& engine, std::string_view url,
             std::string_view page_host = gov_page, resource_type type = resource_type::other) {
    return engine.matches({url, page_host, type}).has_value();
}

} // namespace

TEST_CASE("a domain anchor matches the host and its subdomains at a label boundary") {
    const filter_engine engine = engine_of("||ads.example.com^");
    CHECK(blocked(engine, "http://ads.example.com/slot.js"));
    CHECK(blocked(engine, "https://cdn.ads.example.com/x.gif"));
    CHECK(blocked(engine, "http://ads.example.com"));
    CHECK(blocked(engine, "http://ads.example.com:8080/"));
    CHECK(blocked(engine, "HTTP://ADS.Example.COM/x"));
    CHECK(blocked(engine, "http://user@ads.example.com/x"));
    CHECK_FALSE(blocked(engine, "http://badads.example.com/"));
    CHECK_FALSE(blocked(engine, "http://ads.example.com.evil.net/"));
    CHECK_FALSE(blocked(engine, "http://www.example.com/ads.example.com/"));
    CHECK_FALSE(blocked(engine, "http://www.example.com/?r=http://ads.example.com/"));
}

TEST_CASE("a domain anchor without a separator matches a host prefix") {
    const filter_engine engine = engine_of("||adserver.");
    CHECK(blocked(engine, "http://adserver.example.net/"));
    CHECK(blocked(engine, "http://x.adserver.example.org/"));
    CHECK_FALSE(blocked(engine, "http://myadserver.example.org/"));
}

TEST_CASE("start and end anchors") {
    const filter_engine start = engine_of("|http://ads.");
    CHECK(blocked(start, "http://ads.example.com/"));
    CHECK_FALSE(blocked(start, "https://ads.example.com/"));
    CHECK_FALSE(blocked(start, "http://example.com/?u=http://ads.x.com/"));
    const filter_engine end = engine_of("/banner.swf|");
    CHECK(blocked(end, "http://example.com/media/banner.swf"));
    CHECK_FALSE(blocked(end, "http://example.com/media/banner.swf?v=2"));
    const filter_engine both = engine_of("|https://example.com/ad.gif|");
    CHECK(blocked(both, "https://example.com/ad.gif"));
    CHECK_FALSE(blocked(both, "https://example.com/ad.gif#x"));
}

TEST_CASE("the separator matches punctuation and the end but not letters, digits or _-.%") {
    const filter_engine engine = engine_of("||example.com/ad^");
    CHECK(blocked(engine, "http://example.com/ad/1.gif"));
    CHECK(blocked(engine, "http://example.com/ad?id=1"));
    CHECK(blocked(engine, "http://example.com/ad"));
    CHECK_FALSE(blocked(engine, "http://example.com/ads"));
    CHECK_FALSE(blocked(engine, "http://example.com/ad.js"));
    CHECK_FALSE(blocked(engine, "http://example.com/ad-1"));
    CHECK_FALSE(blocked(engine, "http://example.com/ad_1"));
    CHECK_FALSE(blocked(engine, "http://example.com/ad%20"));
}

TEST_CASE("wildcards match any run, also an empty one") {
    const filter_engine engine = engine_of("/ad*/banner*.gif\n||example.org/*/pop.js");
    CHECK(blocked(engine, "http://x.com/adserver/banner.gif"));
    CHECK(blocked(engine, "http://x.com/ad/banner728.gif"));
    CHECK_FALSE(blocked(engine, "http://x.com/a/banner.gif"));
    CHECK(blocked(engine, "http://example.org/a/b/pop.js"));
    CHECK_FALSE(blocked(engine, "http://example.org/pop.js"));
}

TEST_CASE("plain substrings match anywhere, in any case") {
    const filter_engine engine = engine_of("-ad-banner-");
    CHECK(blocked(engine, "http://x.com/img/top-AD-BANNER-1.png"));
    CHECK(blocked(engine, "http://x.com/?q=-ad-banner-"));
    CHECK_FALSE(blocked(engine, "http://x.com/img/top-ad-banne.png"));
}

TEST_CASE("match-case compares the URL as written") {
    const filter_engine engine = engine_of("/AdBanner.$match-case");
    CHECK(blocked(engine, "http://x.com/AdBanner.gif"));
    CHECK_FALSE(blocked(engine, "http://x.com/adbanner.gif"));
}

TEST_CASE("exceptions override blocking rules") {
    const filter_engine engine = engine_of("||ads.example.com^\n"
                                           "@@||ads.example.com/public/\n"
                                           "@@||ads.example.com/notice^$domain=hubei.gov.cn");
    CHECK(blocked(engine, "http://ads.example.com/slot.js"));
    CHECK_FALSE(blocked(engine, "http://ads.example.com/public/logo.png"));
    CHECK_FALSE(blocked(engine, "http://ads.example.com/notice", "www.hubei.gov.cn"));
    CHECK(blocked(engine, "http://ads.example.com/notice", "www.hunan.gov.cn"));
    CHECK(engine.stats().blocking == 1);
    CHECK(engine.stats().exceptions == 2);
}

TEST_CASE("third-party compares registrable domains") {
    const filter_engine third = engine_of("||cdn.example.com.cn^$third-party");
    CHECK(blocked(third, "http://cdn.example.com.cn/a.js", "www.hubei.gov.cn"));
    CHECK_FALSE(blocked(third, "http://cdn.example.com.cn/a.js", "www.example.com.cn"));
    CHECK_FALSE(blocked(third, "http://cdn.example.com.cn/a.js", "example.com.cn"));
    // Without a page the party is unknown: party rules stay out of it.
    CHECK_FALSE(blocked(third, "http://cdn.example.com.cn/a.js", ""));
    const filter_engine first = engine_of("/promo/*$~third-party");
    CHECK(blocked(first, "http://www.hubei.gov.cn/promo/a.html", "zwfw.hubei.gov.cn"));
    CHECK_FALSE(blocked(first, "http://shop.example.com/promo/a.html", "zwfw.hubei.gov.cn"));
}

TEST_CASE("domain option with negation") {
    const filter_engine engine =
        engine_of("/float-ad.js$domain=example.gov.cn|~news.example.gov.cn");
    CHECK(blocked(engine, "http://x.com/float-ad.js", "example.gov.cn"));
    CHECK(blocked(engine, "http://x.com/float-ad.js", "www.example.gov.cn"));
    CHECK_FALSE(blocked(engine, "http://x.com/float-ad.js", "news.example.gov.cn"));
    CHECK_FALSE(blocked(engine, "http://x.com/float-ad.js", "a.news.example.gov.cn"));
    CHECK_FALSE(blocked(engine, "http://x.com/float-ad.js", "www.other.gov.cn"));
    CHECK_FALSE(blocked(engine, "http://x.com/float-ad.js", ""));
    const filter_engine negated = engine_of("/float-ad.js$domain=~gov.cn");
    CHECK_FALSE(blocked(negated, "http://x.com/float-ad.js", "www.hubei.gov.cn"));
    CHECK(blocked(negated, "http://x.com/float-ad.js", "www.example.com"));
}

TEST_CASE("type options restrict a rule to those request types") {
    const filter_engine engine = engine_of("||a.com^$script\n"
                                           "||b.com^$image,subdocument\n"
                                           "||c.com^$~image\n"
                                           "||d.com^$stylesheet\n||e.com^$object\n||f.com^$media\n"
                                           "||g.com^$xmlhttprequest\n||h.com^$~script,~image");
    using enum resource_type;
    CHECK(blocked(engine, "http://a.com/x", gov_page, script));
    CHECK_FALSE(blocked(engine, "http://a.com/x", gov_page, image));
    CHECK_FALSE(blocked(engine, "http://a.com/x", gov_page, other));
    CHECK(blocked(engine, "http://b.com/x", gov_page, image));
    CHECK(blocked(engine, "http://b.com/x", gov_page, subdocument));
    CHECK_FALSE(blocked(engine, "http://b.com/x", gov_page, script));
    CHECK_FALSE(blocked(engine, "http://c.com/x", gov_page, image));
    CHECK(blocked(engine, "http://c.com/x", gov_page, script));
    CHECK(blocked(engine, "http://c.com/x", gov_page, other));
    CHECK(blocked(engine, "http://d.com/x", gov_page, stylesheet));
    CHECK(blocked(engine, "http://e.com/x", gov_page, object));
    CHECK(blocked(engine, "http://f.com/x", gov_page, media));
    CHECK(blocked(engine, "http://g.com/x", gov_page, xmlhttprequest));
    CHECK_FALSE(blocked(engine, "http://d.com/x", gov_page, script));
    CHECK_FALSE(blocked(engine, "http://h.com/x", gov_page, script));
    CHECK_FALSE(blocked(engine, "http://h.com/x", gov_page, image));
    CHECK(blocked(engine, "http://h.com/x", gov_page, media));
}

TEST_CASE("the match names its rule and its list") {
    filter_engine engine;
    engine.add_list("||one.example^", "first.txt");
    engine.add_list("! comment\n||two.example^$third-party", "second.txt");
    const auto match = engine.matches({"https://two.example/x.js", gov_page});
    REQUIRE(match);
    CHECK(match->rule == "||two.example^$third-party");
    CHECK(match->list_name == "second.txt");
    CHECK_FALSE(engine.matches({"https://three.example/x.js", gov_page}));
}

TEST_CASE("lines that are not supported network rules are counted, never fatal") {
    const filter_engine engine = engine_of("[Adblock Plus 2.0]\n"
                                           "! Title: test\r\n"
                                           "\n"
                                           "example.com##.ad-box\n"
                                           "##.banner\n"
                                           "example.com#@#.ad-box\n"
                                           "example.com#?#div:-abp-has(.ad)\n"
                                           "www.google.*##.ad\n"
                                           "/banner\\d+/\n"
                                           "@@/ads?[0-9]/$image\n"
                                           "||pop.example^$popup\n"
                                           "||x.example^$csp=script-src 'none'\n"
                                           "||y.example^$domain=a.*\n"
                                           "@@\n"
                                           "||\n"
                                           "*\n"
                                           "$\n"
                                           "ad$\n"
                                           "||z.example^$script,,image\n"
                                           "||w.example^$~script,script\n"
                                           "has space/ad\n"
                                           "\xff\xfe\x01\x80$\x80\n"
                                           "||still.works^");
    const load_stats stats = engine.stats();
    CHECK(stats.comments == 2);
    CHECK(stats.element_hiding == 5);
    CHECK(stats.regex == 2);
    CHECK(stats.unsupported_options == 3);
    CHECK(stats.malformed == 9);
    CHECK(stats.blocking == 1);
    CHECK(stats.exceptions == 0);
    CHECK(blocked(engine, "http://still.works/"));
}

TEST_CASE("load_file reports a file it cannot read") {
    filter_engine engine;
    std::string error;
    CHECK_FALSE(engine.load_file("/nonexistent/govmon/list.txt", error));
    CHECK(error == "/nonexistent/govmon/list.txt: no such file");
    error.clear();
    CHECK_FALSE(engine.load_file(GOVMON_SOURCE_DIR "/ad-rules", error));
    CHECK(error.find("not a regular file") != std::string::npos);
    CHECK(engine.stats().network_rules() == 0);
}
