#include "daemon/findings/page_baseline.hpp"
#include "daemon/findings/tamper_rules.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

const std::string home = "https://www.site.gov.cn/";

page_signals key_page(std::string title = "某县人民政府") {
    page_signals s;
    s.url = home;
    s.title = std::move(title);
    s.keywords = "某县,政务公开";
    s.script_hosts = {"hm.baidu.com"};
    s.outbound_hosts = {"www.gov.cn"};
    return s;
}

// A baseline learned over its crawls.
std::map<std::string, page_baseline> learned(const page_signals& s) {
    std::map<std::string, page_baseline> stored;
    baseline_judgement j;
    for (int i = 0; i < baseline_learning_crawls; ++i) {
        j = judge_baselines({s}, stored);
        stored[s.url] = j.baselines.front();
    }
    return stored;
}

crawl_result loaded() {
    crawl_result c;
    c.home.ok = true;
    c.home_reading = page_reading{};
    return c;
}

} // namespace

TEST_CASE("a baseline is learned over the first crawls, which raise nothing") {
    std::map<std::string, page_baseline> stored;
    page_signals first = key_page();
    page_signals second = key_page();
    second.script_hosts.insert("cdn.example.com");
    auto j = judge_baselines({first}, stored);
    CHECK(j.candidates.empty());
    REQUIRE(j.baselines.size() == 1);
    CHECK(j.baselines[0].crawls == 1);
    stored[home] = j.baselines[0];
    j = judge_baselines({second}, stored);
    CHECK(j.candidates.empty());
    CHECK(j.baselines[0].signals.script_hosts ==
          std::set<std::string>{"cdn.example.com", "hm.baidu.com"});
}

TEST_CASE("a new script or frame host and a title swapped to spam raise tampered") {
    const auto stored = learned(key_page());
    page_signals now = key_page("澳门新葡京娱乐城");
    now.script_hosts.insert("js.casino-example.com");
    now.iframe_hosts.insert("www.casino-example.com");
    now.iframe_hosts.insert("www.gov.cn"); // a government host is no one's intrusion
    const auto j = judge_baselines({now}, stored);
    REQUIRE(j.candidates.size() == 1);
    const finding_candidate& c = j.candidates[0];
    CHECK(c.kind == "tampered");
    CHECK(c.severity == "warn");
    CHECK(c.url == home);
    CHECK(c.detail.find("疑似被篡改") == 0);
    CHECK(c.detail.find("title changed from \"某县人民政府\" to \"澳门新葡京娱乐城\"") !=
          std::string::npos);
    CHECK(c.detail.find("scripts from new host js.casino-example.com (baseline: hm.baidu.com)") !=
          std::string::npos);
    CHECK(c.detail.find("frames from new host www.casino-example.com (baseline: none)") !=
          std::string::npos);
    CHECK(c.detail.find("www.gov.cn") == std::string::npos);
    // The baseline stays as it was learned: only an operator's accept changes it.
    CHECK(j.baselines[0].signals.title == "某县人民政府");
}

TEST_CASE("ordinary changes of a key page raise nothing") {
    const auto stored = learned(key_page());
    page_signals now = key_page("某县人民政府门户网站"); // renamed, no spam
    now.outbound_hosts.insert("www.news-example.com");   // a new outbound link is news
    now.script_hosts.clear();                            // a script removed
    CHECK(judge_baselines({now}, stored).candidates.empty());
}

TEST_CASE("tampering signs on one page make one warning naming them all") {
    crawl_result c = loaded();
    c.illicit_pages.push_back({home, {"title", {"博彩", "百家乐"}, "澳门博彩百家乐"}});
    c.cloaking.push_back({"Baiduspider User-Agent", "User-Agent: Baiduspider",
                          "redirected to http://casino.example.com/"});
    c.parked.push_back({"http://old-partner.com/", home + "links.html",
                        "target page says \"this domain is for sale\" (1 link)"});
    const std::vector<finding_candidate> baseline{
        {finding_kind::tampered, finding_severity::warn, home, "",
         "疑似被篡改: the page differs from its baseline: scripts from new host x.com"}};
    const rule_verdict v = judge_tampering(c, home, baseline);
    CHECK(v.judged == std::vector<finding_kind>{finding_kind::tampered});
    REQUIRE(v.candidates.size() == 2);
    const finding_candidate& on_home = v.candidates[0];
    CHECK(on_home.url == home);
    CHECK(on_home.severity == "warn");
    CHECK(on_home.detail.find("疑似被篡改: the page's title carries gambling/porn vocabulary "
                              "(博彩, 百家乐): \"澳门博彩百家乐\"") == 0);
    CHECK(on_home.detail.find("fetched with User-Agent: Baiduspider") != std::string::npos);
    CHECK(on_home.detail.find("scripts from new host x.com") != std::string::npos);
    const finding_candidate& parked = v.candidates[1];
    CHECK(parked.url == "http://old-partner.com/");
    CHECK(parked.source == home + "links.html");
    CHECK(parked.detail.find("this domain is for sale") != std::string::npos);
}

TEST_CASE("the search-engine kit's scripts join the page's spam title in one warning") {
    crawl_result c = loaded();
    const std::string raw = "江苏快3 江苏快3走势图 - 快三走势图";
    c.illicit_pages.push_back({home, {"title", {"快3走势图", "快三走势图"}, raw}});
    script_kit kit;
    kit.swap =
        title_swap{"某县新闻网", "if(navigator.userAgent…){document.title =\"某县新闻网\"}", 4};
    kit.hijack =
        referrer_hijack{"location[…]", "www.casino-example.com", "[\"referrer\",\"baidu\""};
    c.script_kits.push_back({home, raw, kit});
    script_kit swap_only;
    swap_only.swap = title_swap{"", "if(navigator.userAgent…){document.title = t}", 1};
    c.script_kits.push_back({home + "zwgk/", "某县人民政府", swap_only});
    const rule_verdict v = judge_tampering(c, home, {});
    REQUIRE(v.candidates.size() == 2);
    const finding_candidate& on_home = v.candidates[0];
    CHECK(on_home.kind == "tampered");
    CHECK(on_home.severity == "warn");
    CHECK(on_home.url == home);
    CHECK(on_home.detail.starts_with("疑似被篡改: the page's title carries gambling/porn"));
    CHECK(on_home.detail.find(
              "search engines are shown the <title> \"" + raw +
              "\" and an inline script that tests the User-Agent for a search "
              "engine sets it to \"某县新闻网\" for everyone else (4 such scripts): "
              "\"if(navigator.userAgent…){document.title =\"某县新闻网\"}\"") != std::string::npos);
    CHECK(on_home.detail.find("an inline script sends visitors arriving from a search engine "
                              "(document.referrer) elsewhere by location[…], to "
                              "www.casino-example.com: \"[\"referrer\",\"baidu\"\" (escapes "
                              "decoded)") != std::string::npos);
    CHECK(v.candidates[1].url == home + "zwgk/");
    CHECK(v.candidates[1].detail.find("\"某县人民政府\" and an inline script that tests the "
                                      "User-Agent for a search engine changes it for everyone "
                                      "else: ") != std::string::npos);
}

TEST_CASE("a crawl whose home page did not load judges no tampering") {
    crawl_result c;
    c.home.ok = false;
    CHECK(judge_tampering(c, home, {}).judged.empty());
    CHECK(judge_tampering(loaded(), home, {}).candidates.empty());
}
