#include "probes/site/cloaking.hpp"
#include "probes/site/parked_domain.hpp"
#include "probes/site/url_date.hpp"
#include "tamper_fixture.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::test;

TEST_CASE("the date a CMS wrote into a URL") {
    const auto date = [](const char* url) {
        const auto d = date_in_url(url);
        return d ? std::to_string(d->year) + "-" + std::to_string(d->month) + "-" +
                       std::to_string(d->day)
                 : std::string("none");
    };
    CHECK(date("http://hdzfxxgk.hd.gov.cn/xxgk/202007/t20200731_1351817.html") == "2020-7-31");
    CHECK(date("http://www.x.gov.cn/news/2026/0305/123.html") == "2026-3-5");
    CHECK(date("http://www.x.gov.cn/news/202603/05/123.html") == "2026-3-5");
    CHECK(date("http://www.x.gov.cn/news/2026-03/05/content_9.htm") == "2026-3-5");
    CHECK(date("http://www.x.gov.cn/art/2026/8/27/art_60096_3312345.html") == "2026-8-27");
    CHECK(date("http://www.x.gov.cn/news/20261305/1.html") == "none");     // no month 13
    CHECK(date("http://www.x.gov.cn/list.jsp?date=2026/0305/") == "none"); // a query
    CHECK(date("http://www.x.gov.cn/col/col123/index.html") == "none");
}

TEST_CASE("a CMS's document numbers and the families they are comparable in") {
    const auto trs = document_id_in_url("http://x.gov.cn/xxgk/202007/t20200731_1351817.html");
    REQUIRE(trs);
    CHECK(trs->number == 1351817);
    const auto other = document_id_in_url("http://x.gov.cn/xxgk/202008/t20200802_1351999.html");
    REQUIRE(other);
    CHECK(other->family == trs->family);
    const auto hanweb = document_id_in_url("http://x.gov.cn/art/2026/8/27/art_60096_3312345.html");
    REQUIRE(hanweb);
    CHECK(hanweb->number == 3312345);
    CHECK(hanweb->family != trs->family);
    CHECK(document_id_in_url("http://x.gov.cn/news/content_123456.html")->number == 123456);
    CHECK_FALSE(document_id_in_url("http://x.gov.cn/news/index.html"));
    CHECK_FALSE(document_id_in_url("http://x.gov.cn/news/12.html")); // too short to be an id
}

TEST_CASE("parked and for-sale pages are told by their registrars' phrases") {
    CHECK(parked_domain_phrase("old-partner.com", "This domain may be for sale! Buy now") ==
          "this domain may be for sale");
    CHECK(parked_domain_phrase("该域名正在出售", "联系我们") == "该域名正在出售");
    CHECK_FALSE(parked_domain_phrase("某某公司", "我们的产品与服务"));
    for (const char* name : {"rw01.html", "rw04.html", "rw10.html", "rw14.html"})
        CHECK_FALSE(parked_domain_phrase("", corpus_page(name)));
}

TEST_CASE("a key page's signals: title, meta tags and the foreign hosts it uses") {
    const auto doc = parse_page(
        "<html><head><title>某县人民政府</title>"
        "<meta name='Keywords' content='  某县,  政务公开 '><meta name=description content=门户>"
        "<script src='https://hm.baidu.com/hm.js'></script><script src='/js/a.js'></script>"
        "</head><body><iframe src='http://video.example.com/p'></iframe>"
        "<a href='http://www.gov.cn/'>中国政府网</a><a href='/zwgk/'>政务公开</a></body></html>");
    const std::vector<html::page_link> links = html::extract_links(
        html::html_document("<script src='https://hm.baidu.com/hm.js'></script>"
                            "<script src='/js/a.js'></script>"
                            "<iframe src='http://video.example.com/p'></iframe>"
                            "<a href='http://www.gov.cn/'>中国政府网</a><a href='/zwgk/'>x</a>",
                            "http://www.site.gov.cn/"),
        "http://www.site.gov.cn/", "utf-8");
    const page_signals s = signals_of(doc.get(), "http://www.site.gov.cn/", title_in(doc.get()),
                                      links, site_scope{"www.site.gov.cn", false});
    CHECK(s.title == "某县人民政府");
    CHECK(s.keywords == "某县, 政务公开");
    CHECK(s.description == "门户");
    CHECK(s.script_hosts == std::set<std::string>{"hm.baidu.com"});
    CHECK(s.iframe_hosts == std::set<std::string>{"video.example.com"});
    CHECK(s.outbound_hosts == std::set<std::string>{"www.gov.cn"});
}

TEST_CASE("cloaking: what the search engine's visitor gets and a person does not") {
    const own_page_illicit casino{"title", {"博彩"}, "澳门博彩"};
    const page_view normal{true, 200, "http://www.site.gov.cn/", "某县人民政府", std::nullopt};
    page_view spider = normal;
    CHECK(cloaking_difference(normal, spider).empty());
    spider.illicit = casino;
    spider.title = "澳门博彩";
    CHECK(cloaking_difference(normal, spider).find("澳门博彩") != std::string::npos);
    // Both illicit: the normal visit's finding says so already; no cloaking.
    page_view both = normal;
    both.illicit = casino;
    CHECK(cloaking_difference(both, spider).empty());
    page_view moved = normal;
    moved.final_url = "http://casino.example.com/";
    CHECK(cloaking_difference(normal, moved).find("redirected to http://casino.example.com/") !=
          std::string::npos);
    // A crawler refused (403) is no sign of tampering.
    page_view refused{false, 403, "http://www.site.gov.cn/", "", std::nullopt};
    CHECK(cloaking_difference(normal, refused).empty());
    const auto variants = cloaking_variants("www.site.gov.cn");
    REQUIRE(variants.size() == 2);
    CHECK(variants[0].value.find("Baiduspider/2.0") != std::string::npos);
    CHECK(variants[1].value == "https://www.baidu.com/s?wd=www.site.gov.cn");
}
