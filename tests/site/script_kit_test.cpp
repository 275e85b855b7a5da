// The tampering kit of hacked sites' inline scripts (research/tamper t02–t10 shapes, rewritten
// in the fixtures), and the healthy scripts of government pages that must never look like it.
#include "probes/site/inline_scripts.hpp"
#include "probes/site/js_literals.hpp"
#include "probes/site/script_kit.hpp"
#include "tamper_fixture.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::test;

namespace {

script_kit kit_of(std::string_view html) {
    const auto doc = parse_page(html);
    return find_script_kit(inline_scripts(doc.get()));
}

script_kit kit_in(std::string script) {
    return find_script_kit({std::move(script)});
}

} // namespace

TEST_CASE("a script reads as its literals say: escapes decoded, split literals joined") {
    CHECK(readable_script(R"(["\x72\x65\x66\x65\x72\x72\x65\x72","\x62\x61\x69\x64\x75"])") ==
          R"(["referrer","baidu"])");
    CHECK(readable_script(R"("\u0068\u0074\u0074\u0070\u0073\u003a\u002f\u002f\u6c5f")") ==
          "\"https://江\"");
    CHECK(readable_script(R"("\ud83d\ude00" 'https:\/\/x.cn')") == "\"😀\" 'https://x.cn'");
    CHECK(readable_script(R"(eval("do" + "cu" + "ment.wr" + "ite('" + ss + "');"))") ==
          R"(eval("document.write('" + ss + "');"))");
    CHECK(readable_script("'<ifr' + 'ame src=x>'") == "'<iframe src=x>'");
    // What it does not decode stays as written.
    CHECK(readable_script(R"("a\"b\n" + x + "\x4")") == R"("a\"b\n" + x + "\x4")");
}

TEST_CASE("the title swap of a packed-script kit (t02/t03 shape)") {
    const std::string page = site_fixture("kit_title_swap_packed.html");
    const script_kit kit = kit_of(page);
    REQUIRE(kit.swap);
    CHECK(kit.swap->swapped_title == "某某市政务服务中心");
    CHECK(kit.swap->scripts == 1);
    CHECK(kit.swap->excerpt ==
          "if(navigator.userAgent.toLocaleLowerCase().indexOf(\"baidu\") == -1){document.title "
          "=\"某某市政务服务中心\"}");
    CHECK_FALSE(kit.hijack); // its payload is packed: it reads no referrer in the clear
    const auto why = judge_html(page);
    REQUIRE(why);
    CHECK(why->field == "title");
    CHECK(why->terms == std::vector<std::string>{"pg电子"});
}

TEST_CASE("the hacked county news home page: four swaps and a sojson referrer redirect (t04)") {
    const std::string page = site_fixture("kit_county_news_home.html");
    const script_kit kit = kit_of(page);
    REQUIRE(kit.swap);
    CHECK(kit.swap->swapped_title == "某县新闻网");
    CHECK(kit.swap->scripts == 4);
    REQUIRE(kit.hijack);
    CHECK(kit.hijack->actions == "location[…]");
    CHECK(kit.hijack->target_host == "www.casino-example.com"); // not sojson.com's signature
    CHECK(kit.hijack->excerpt.starts_with("var __Ox9a2b=[\"referrer\",\"baidu\",\"indexOf\""));
    // Its title is a lottery chart's, which a welfare-lottery centre's page may carry too: the
    // kit, not the title, is the evidence.
    CHECK_FALSE(judge_html(page));
}

TEST_CASE("the overlay iframe written for search engines' visitors (t05 shape)") {
    const script_kit kit = kit_of(site_fixture("kit_overlay_iframe.html"));
    CHECK_FALSE(kit.swap);
    REQUIRE(kit.hijack);
    CHECK(kit.hijack->actions == "iframe");
    CHECK(kit.hijack->target_host == "cdn1.overlay-example.cc");
    CHECK(kit.hijack->excerpt.starts_with("var referer = document.referrer;"));
}

TEST_CASE("the other title-swap variant and the writeln redirect of the fetched payload") {
    // The second variant of research t08, single-quoted.
    const script_kit swap = kit_in("if(!navigator.userAgent.match(/baiduspider|sogou|360spider|"
                                   "yisou/i)){document.title ='某县人民政府'}");
    REQUIRE(swap.swap);
    CHECK(swap.swap->swapped_title == "某县人民政府");
    // The payload script of research t09/t10: analytics and push first, then the redirect it
    // writes into the page.
    const script_kit redirect = kit_in(R"js(var _hmt = _hmt || [];
(function() { var hm = document.createElement("script");
  hm.src = "https://hm.baidu.com/hm.js?0123"; })();
var src = document.location.protocol + '//js.passport.qihucdn.com/11.0.1.js?0123';
document.writeln("<script LANGUAGE=\"Javascript\">");
document.writeln("var s=document.referrer");
document.writeln("if(s.indexOf(\"baidu\")>0 || s.indexOf(\"sogou\")>0 || s.indexOf(\"bing\")>0)");
document.writeln("location.href=\"https://www.redirect-example.com\";");
document.writeln("</script>");)js");
    REQUIRE(redirect.hijack);
    CHECK(redirect.hijack->actions == "location.href, document.write of a script");
    CHECK(redirect.hijack->target_host == "www.redirect-example.com");
    CHECK(redirect.hijack->excerpt.starts_with("document.writeln(\"var s=document.referrer\");"));
}

TEST_CASE("analytics, push, mobile redirects and back links are not the kit") {
    CHECK_FALSE(kit_of(site_fixture("analytics_healthy.html")).found());
    CHECK_FALSE(judge_html(site_fixture("analytics_healthy.html")));
    // The referrer read for statistics, naming an engine, sends no one anywhere.
    CHECK_FALSE(kit_in("var ref = document.referrer; if (ref.indexOf('baidu') > -1) "
                       "{ _hmt.push(['_trackEvent', 'from', 'baidu']); }")
                    .found());
    // A search box that opens Baidu reads no referrer.
    CHECK_FALSE(kit_in("function s(){window.open('https://www.baidu.com/s?wd=site:x.gov.cn '"
                       " + document.getElementById('kw').value)}")
                    .found());
    // The title set for WeChat, whose User-Agent names no search engine.
    CHECK_FALSE(kit_in("if(navigator.userAgent.indexOf('MicroMessenger')>-1)"
                       "{document.title='某县发布'}")
                    .found());
    // A comparison is no assignment.
    CHECK_FALSE(
        kit_in("if(navigator.userAgent.indexOf('baidu')==-1 && document.title == 'x'){}").found());
    for (const char* name : {"rw01.html", "rw02.html", "rw03.html", "rw04.html", "rw05.html",
                             "rw06.html", "rw07.html", "rw08.html", "rw09.html", "rw10.html",
                             "rw11.html", "rw12.html", "rw13.html", "rw14.html", "rw15.html"}) {
        CAPTURE(name);
        CHECK_FALSE(kit_of(corpus_page(name)).found());
    }
}

TEST_CASE("a site that inlines all its scripts: statistics beside its own navigation") {
    // The statistics snippet above, then a link handler and a video player in the same script.
    CHECK_FALSE(kit_in("var ref=document.referrer;if(ref.indexOf('baidu')>-1)"
                       "{_hmt.push(['_trackEvent','from','baidu'])}function go(u){location.href=u}")
                    .found());
    CHECK_FALSE(kit_in("var ref=document.referrer;if(ref.indexOf('baidu')>-1){stat('baidu')}"
                       "var p=document.getElementById('videoIframe');p.src=p.dataset.src;")
                    .found());
    CHECK_FALSE(kit_in("var r=document.referrer;if(/baidu/.test(r)){count()}"
                       "function share(u){window.open(u)}")
                    .found());
    // Navigation far below the referrer test is not under it.
    CHECK_FALSE(kit_in("var r=document.referrer;if(r.indexOf('baidu')>0){count()}" +
                       std::string(2100, ' ') + "location.href='https://www.example.gov.cn/m/';")
                    .found());
    // The same test sending the visitor to a literal address is the kit.
    const auto kit = kit_in("var r=document.referrer;if(r.indexOf('baidu')>0)"
                            "{location.href='https://casino-example.com/'}");
    REQUIRE(kit.hijack);
    CHECK(kit.hijack->actions == "location.href");
    CHECK(kit.hijack->target_host == "casino-example.com");
}

TEST_CASE("a swapped title cut at its budget ends on a whole character") {
    std::string title;
    for (int i = 0; i < 120; ++i)
        title += "网";
    const auto kit =
        kit_in("if(navigator.userAgent.indexOf('baidu')==-1){document.title='" + title + "'}");
    REQUIRE(kit.swap);
    CHECK(kit.swap->swapped_title.size() % 3 == 0);
    CHECK(kit.swap->swapped_title.size() <= 300);
    CHECK(kit.swap->swapped_title.starts_with("网网"));
}

TEST_CASE("inline scripts are read within bounds, scripts with src not at all") {
    const std::string swap = "if(navigator.userAgent.indexOf(\"baidu\") == -1)"
                             "{document.title =\"x\"}";
    CHECK(kit_of("<script src='/a.js'>" + swap + "</script>").swap.has_value() == false);
    CHECK(kit_of("<body><p>x</p><script>" + swap + "</script></body>").swap);
    std::string many;
    for (std::size_t i = 0; i < max_inline_scripts; ++i)
        many += "<script>var a" + std::to_string(i) + " = 1;</script>";
    CHECK_FALSE(kit_of(many + "<script>" + swap + "</script>").found());
    const std::string padding(max_inline_script_bytes, ' ');
    CHECK_FALSE(kit_of("<script>var a = 1;" + padding + swap + "</script>").found());
    const auto doc =
        parse_page("<script>" + std::string(3 * max_inline_script_bytes, 'a') + "</script>");
    const auto scripts = inline_scripts(doc.get());
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].size() == max_inline_script_bytes);
}
