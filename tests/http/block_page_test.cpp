// The firewall pages below are written for these tests in the shapes the products send
// (wafw00f's plugins, EnableSecurity/wafw00f plugins/safedog.py and yunsuo.py; 加速乐's 521
// cookie script as described at juejin.cn/post/7386485874300977178; 瑞数's 412 r='m' pages).
#include "probes/http/block_page.hpp"

#include <doctest/doctest.h>

using govmon::http::block_reason;
using govmon::http::header_field;

namespace {

using headers = std::vector<header_field>;

const std::string jiasule_body =
    "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')"
    "+('a')+('n')+('c')+('e')+('_')+('s')+('=')+(+new Date()/1000)+'|0|'+'abc';"
    "location.href=location.pathname+location.search</script>";

const std::string ruishu_body =
    "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
    "charset=utf-8\"><meta id=\"9DhefwqGPrzGxEp9hPaoag\" content=\"zX8c...\" r='m'>"
    "<script type=\"text/javascript\" r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};"
    "$_ts.nsd=12345;</script><script type=\"text/javascript\" charset=\"utf-8\" "
    "src=\"/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js\" r='m'></script></head><body></body></html>";

} // namespace

TEST_CASE("block_reason: a 429 is a rate limit") {
    CHECK(block_reason(429, {}, "") == "rate limited");
}

TEST_CASE("block_reason: Cloudflare's challenge, by cf-mitigated or by its script") {
    CHECK(block_reason(403, headers{{"cf-mitigated", "challenge"}}, "<html>Just a moment...") ==
          "Cloudflare challenge");
    CHECK(block_reason(503, headers{{"CF-RAY", "8a1b2c3d4e-HKG"}},
                       "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\">") ==
          "Cloudflare challenge");
    CHECK(block_reason(403, headers{{"cf-ray", "8a1b2c3d4e-HKG"}},
                       "<title>Attention Required! | Cloudflare</title>") ==
          "Cloudflare challenge");
    // A Cloudflare 403 that is an ordinary refusal, without a challenge, is the site's answer.
    CHECK_FALSE(block_reason(403, headers{{"cf-ray", "8a1b2c3d4e-HKG"}}, "Forbidden"));
}

TEST_CASE("block_reason: 加速乐's 521 cookie page, not Cloudflare's 521 origin down") {
    CHECK(block_reason(521, headers{{"Set-Cookie", "__jsluid_h=0123abcd; max-age=31536000"}},
                       jiasule_body) == "加速乐 JavaScript cookie challenge");
    CHECK(block_reason(521, {}, jiasule_body) == "加速乐 JavaScript cookie challenge");
    CHECK_FALSE(block_reason(521, headers{{"cf-ray", "8a1b-HKG"}},
                             "<title>example.gov.cn | 521: Web server is down</title>"));
}

TEST_CASE("block_reason: a 412 script page; a 412 without a script is left alone") {
    CHECK(block_reason(412, {}, ruishu_body) == "script challenge");
    CHECK_FALSE(block_reason(412, {}, "Precondition Failed"));
}

TEST_CASE("block_reason: 安全狗 and 云锁 interstitials by cookie or page text") {
    CHECK(block_reason(403, headers{{"Set-Cookie", "safedog-flow-item=5F3A; path=/"}}, "") ==
          "安全狗 firewall page");
    CHECK(block_reason(403, {},
                       "<img src=\"http://404.safedog.cn/images/safedogsite/head.png\">"
                       "<p>您的请求带有不合法参数，已被网站管理员设置拦截！</p>") ==
          "安全狗 firewall page");
    CHECK(block_reason(503, headers{{"Set-Cookie", "yunsuo_session_verify=8f1e; path=/"}},
                       "<script>function YunSuoAutoJump(){ self.location=\"/?security_verify_data="
                       "313932302c31303830\"}</script>") == "云锁 firewall page");
    CHECK(block_reason(403, {}, "<img class=\"yunsuologo\" src=\"/yunsuo.png\">") ==
          "云锁 firewall page");
    // A protected site's Server header is on its real errors too.
    CHECK_FALSE(block_reason(500, headers{{"Server", "Safedog/4.0"}}, "Internal Server Error"));
}

TEST_CASE("block_reason: a missing page stays missing, whoever wrote the error page") {
    CHECK_FALSE(block_reason(404, headers{{"Set-Cookie", "safedog-flow-item=1"}},
                             "<a href=\"http://404.safedog.cn/sitedog_stat.html\">"));
    CHECK_FALSE(block_reason(410, headers{{"cf-mitigated", "challenge"}}, ""));
    CHECK_FALSE(block_reason(200, headers{{"cf-mitigated", "challenge"}}, ""));
    CHECK_FALSE(block_reason(301, {}, jiasule_body));
    CHECK_FALSE(block_reason(500, {}, "error"));
}
