#include "probes/ads/filter_engine.hpp"
#include "probes/ads/rule_sources.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace govmon;

namespace {

constexpr std::string_view gov_page = "www.hubei.gov.cn";

filter_engine shipped_engine() {
    filter_engine engine;
    std::string error;
    const bool loaded =
        engine.load_file(std::filesystem::path(GOVMON_SOURCE_DIR) / shipped_ad_rules, error);
    REQUIRE_MESSAGE(loaded, error);
    return engine;
}

} // namespace

TEST_CASE("the shipped list is all network rules") {
    const filter_engine engine = shipped_engine();
    const load_stats stats = engine.stats();
    MESSAGE("cn-ad-networks.txt: ", stats.blocking, " blocking, ", stats.exceptions,
            " exceptions, ", stats.comments, " comments");
    CHECK(stats.skipped() == 0);
    CHECK(stats.blocking >= 90);
}

TEST_CASE("the shipped list catches each ad network") {
    const filter_engine engine = shipped_engine();
    using enum resource_type;
    const struct {
        std::string_view url;
        resource_type type;
    } ads[] = {
        {"https://pos.baidu.com/s?hei=250&wid=300&di=u1234567", subdocument},
        {"https://cpro.baidustatic.com/cpro/ui/c.js", script},
        {"https://dup.baidustatic.com/js/ds.js", script},
        {"http://cbjs.baidu.com/js/m.js", script},
        {"https://www.baidu.com/baidu.php?url=a000000aa0", other},
        {"https://www.example-proxy.com/cpro/ui/c.js", script},
        {"https://p.tanx.com/ex?i=mm_12345_6789_1", script},
        {"https://afpeng.alimama.com/ex?a=1", image},
        {"https://log.mmstat.com/eg.js", script},
        {"https://s.click.taobao.com/t?e=m%3D2", other},
        {"https://mi.gdt.qq.com/gdt_mview.fcg?posid=123", xmlhttprequest},
        {"https://e.qq.com/ads/", other},
        {"https://qzs.gdtimg.com/union/res/union_sdk/page/unjs.js", script},
        {"https://api-access.pangolin-sdk-toutiao.com/api/ad/union/sdk/get_ads/", xmlhttprequest},
        {"https://sf3-fe-tos.pglstatp-toutiao.com/obj/ad-pattern/renderer.js", script},
        {"https://static.mediav.com/js/mvf_g2.js", script},
        {"https://show.g.mediav.com/s?type=1", subdocument},
        {"https://theta.sogou.com/r?a=1", other},
        {"https://g.163.com/r?site=netease", other},
        {"https://googleads.g.doubleclick.net/pagead/ads?client=ca-pub-1", subdocument},
        {"https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js", script},
        {"https://www.googleadservices.com/pagead/conversion.js", script},
        {"https://ib.adnxs.com/ut/v3", xmlhttprequest},
        {"https://static.criteo.net/js/ld/publishertag.js", script},
        {"https://cdn.taboola.com/libtrc/site/loader.js", script},
        {"https://ads.example-revive.com/www/delivery/ajs.php?zoneid=3", script},
    };
    for (const auto& ad : ads) {
        CAPTURE(ad.url);
        CHECK(engine.matches({ad.url, gov_page, ad.type}).has_value());
    }
}

TEST_CASE("the shipped list leaves government and ordinary URLs alone") {
    const filter_engine engine = shipped_engine();
    using enum resource_type;
    const struct {
        std::string_view url;
        resource_type type;
    } ordinary[] = {
        {"https://www.gov.cn/", other},
        {"http://www.hubei.gov.cn/zwgk/hbyw/hbywqb/202611/t20261102_5000000.shtml", other},
        {"https://cdn.bootcss.com/jquery/3.6.0/jquery.min.js", script},
        {"https://map.baidu.com/?newmap=1&s=s%26wd%3D%E6%AD%A6%E6%B1%89", subdocument},
        {"https://www.baidu.com/s?wd=%E6%B9%96%E5%8C%97%E7%9C%81%E6%94%BF%E5%BA%9C", other},
        {"https://hm.baidu.com/hm.js?0123456789abcdef", script},
        {"https://api.map.baidu.com/api?v=3.0&ak=x", script},
        {"https://www.qq.com/", other},
        {"https://mail.qq.com/", other},
        {"https://www.toutiao.com/c/user/token/x/", other},
        {"https://www.360.cn/", other},
        {"https://www.sogou.com/web?query=x", other},
        {"https://www.google.com/maps", other},
        {"http://www.hubei.gov.cn/www/delivery/ajs.php", script},
        {"https://www.ccgp.gov.cn/cggg/", other},
    };
    for (const auto& url : ordinary) {
        CAPTURE(url.url);
        CHECK_FALSE(engine.matches({url.url, gov_page, url.type}).has_value());
    }
}

TEST_CASE("EasyList from the Debian package loads when it is installed") {
    if (!std::filesystem::exists(debian_easylist_path)) {
        MESSAGE("webext-ublock-origin-chromium is not installed: nothing to load");
        return;
    }
    filter_engine engine;
    std::string error;
    REQUIRE_MESSAGE(engine.load_file(debian_easylist_path, error), error);
    const load_stats stats = engine.stats();
    MESSAGE("easylist.txt: ", stats.blocking, " blocking, ", stats.exceptions, " exceptions, ",
            stats.element_hiding, " element hiding, ", stats.regex, " regex, ",
            stats.unsupported_options, " unsupported options, ", stats.malformed, " malformed");
    CHECK(stats.network_rules() > 10000);
    CHECK(stats.element_hiding > 10000);
    const request_context ad{"https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js",
                             gov_page, resource_type::script};
    const auto match = engine.matches(ad);
    REQUIRE(match);
    CHECK(match->list_name == "easylist.txt");
    CHECK_FALSE(engine.matches({"https://www.gov.cn/", gov_page}));
    CHECK_FALSE(engine.matches({"http://www.hubei.gov.cn/zwgk/", gov_page}));
    CHECK_FALSE(engine.matches(
        {"https://cdn.bootcss.com/jquery/3.6.0/jquery.min.js", gov_page, resource_type::script}));
    CHECK(engine.rules_examined(ad) < 100);
}

TEST_CASE("the compiled-in list is the shipped file") {
    std::ifstream in(std::filesystem::path(GOVMON_SOURCE_DIR) / shipped_ad_rules, std::ios::binary);
    const std::string file{std::istreambuf_iterator<char>(in), {}};
    CHECK(shipped_ad_rule_text() == file);
}
