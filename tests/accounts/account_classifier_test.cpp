#include "probes/accounts/account_response_classifier.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;

namespace {

constexpr const char* json_type = "application/json; charset=utf-8";
constexpr const char* html_type = "text/html; charset=utf-8";
constexpr const char* rss_type = "application/xml; charset=utf-8";

// RSSHub's error page (lib/views/error.tsx): an HTML document carrying the message.
std::string rsshub_error_page(std::string_view message) {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>RSSHub</title></head><body>"
           "<div class=\"message\">Looks like something went wrong in RSSHub</div>"
           "<div class=\"error\">Error Message:<br><code>" +
           std::string(message) + "</code></div></body></html>";
}

account_outcome outcome_of(int status, std::string_view type, std::string_view body,
                           std::string_view source) {
    auto r = classify_refusal(status, type, body, source);
    REQUIRE_MESSAGE(r, "expected a refusal for HTTP " << status << " from " << source);
    CHECK_FALSE(r->newest_post);
    CHECK(r->http_status == status);
    return r->outcome;
}

} // namespace

TEST_CASE("classifier: WAF and rate-limit statuses are blocked") {
    for (int status : {401, 403, 412, 418, 429, 432}) {
        auto r = classify_refusal(status, html_type, "<html></html>", "weibo");
        REQUIRE(r);
        CHECK(r->outcome == account_outcome::blocked);
        CHECK(r->error == error_class::blocked);
        CHECK(r->detail.find(std::to_string(status)) != std::string::npos);
    }
    CHECK(outcome_of(432, "", "", "rsshub") == account_outcome::blocked);
}

TEST_CASE("classifier: bridge 5xx is blocked as bridge down") {
    auto r = classify_refusal(503, html_type,
                              rsshub_error_page("FetchError: request to "
                                                "https://m.weibo.cn failed"),
                              "rsshub");
    REQUIRE(r);
    CHECK(r->outcome == account_outcome::blocked);
    CHECK(r->error == error_class::blocked);
    CHECK(r->detail == "HTTP 503 from bridge");
    auto platform = classify_refusal(502, html_type, "<html>Bad Gateway</html>", "weibo");
    REQUIRE(platform);
    CHECK(platform->outcome == account_outcome::blocked);
    CHECK(platform->error == error_class::http);
}

TEST_CASE("classifier: a 404 is not_found only with evidence about the account") {
    CHECK(outcome_of(404, html_type, rsshub_error_page("NotFoundError: 用户不存在"), "rsshub") ==
          account_outcome::not_found);
    CHECK(outcome_of(404, html_type, rsshub_error_page("NotFoundError: 暂未发表作品"), "rsshub") ==
          account_outcome::blocked);
    CHECK(outcome_of(404, html_type, rsshub_error_page("Error: Not Found"), "rsshub") ==
          account_outcome::blocked);
    CHECK(outcome_of(404, json_type, R"({"ok":0,"msg":"not found"})", "weibo") ==
          account_outcome::blocked);
    CHECK(outcome_of(404, html_type, "<html>404</html>", "app") == account_outcome::not_found);
    CHECK(outcome_of(410, html_type, "", "web") == account_outcome::not_found);
    auto gone = classify_refusal(404, html_type, "<html>404</html>", "app");
    REQUIRE(gone);
    CHECK(gone->error == error_class::not_found);
    // A captcha served with 404 is still a captcha.
    CHECK(outcome_of(404, html_type, "<html><title>Sina Visitor System</title></html>", "app") ==
          account_outcome::blocked);
}

TEST_CASE("classifier: an empty 200 body is blocked") {
    CHECK(outcome_of(200, json_type, "", "douyin") == account_outcome::blocked);
    CHECK(outcome_of(200, rss_type, " \n", "rsshub") == account_outcome::blocked);
}

TEST_CASE("classifier: captcha and visitor pages are blocked") {
    CHECK(outcome_of(200, html_type,
                     "<!DOCTYPE html><html><head><title>Sina Visitor System</title></head>"
                     "<body><script src=\"//passport.weibo.com/js/visitor/mini.js\"></script>",
                     "weibo") == account_outcome::blocked);
    CHECK(outcome_of(200, "", "<head><title>Sina Visitor System</title></head>", "weibo") ==
          account_outcome::blocked);
    CHECK(outcome_of(200, html_type,
                     "<html><script>location.replace(\"https://visitor.passport.weibo.cn/visitor/"
                     "visitor?entry=sinawap&a=enter\")</script></html>",
                     "weibo") == account_outcome::blocked);
    CHECK(outcome_of(200, html_type,
                     "<html><head><title>搜狗搜索</title></head><body><form action=\"/antispider/"
                     "thank.php\">请输入验证码</form></body></html>",
                     "wechat") == account_outcome::blocked);
    CHECK(outcome_of(
              200, html_type,
              "<html><body><div class=\"weui-msg\">环境异常</div><p>当前环境异常，完成验证后即可"
              "继续访问。</p></body></html>",
              "wechat") == account_outcome::blocked);
    CHECK(outcome_of(200, html_type,
                     "<html><head><title>验证码中间页</title></head><body>"
                     "<div id=\"captcha_container\"></div></body></html>",
                     "douyin") == account_outcome::blocked);
    CHECK(outcome_of(200, html_type,
                     "<html><script>window.dynamicData={\"list\":[],\"hasMore\":false,"
                     "\"foe\":{\"is_need_foe\":true}}</script></html>",
                     "baijiahao") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"data":{"list":[]},"foe":{"is_need_foe": true}})",
                     "baijiahao") == account_outcome::blocked);
    CHECK(outcome_of(200, html_type, "<html><body>请求过快，请稍后重试</body></html>",
                     "kuaishou") == account_outcome::blocked);
}

TEST_CASE("classifier: a deleted WeChat article is never a deleted account") {
    auto r = classify_refusal(200, html_type,
                              "<html><body><p class=\"weui-msg__title\">该内容已被发布者删除</p>"
                              "</body></html>",
                              "wechat");
    REQUIRE(r);
    CHECK(r->outcome == account_outcome::blocked);
    CHECK(r->error != error_class::not_found);
}

TEST_CASE("classifier: platform JSON refusals are blocked") {
    CHECK(outcome_of(200, json_type,
                     R"({"ok":-100,"url":"https://passport.weibo.com/sso/signin?entry=wapsso"})",
                     "weibo") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"error":"relogin!","error_code":21301})", "weibo") ==
          account_outcome::blocked);
    for (
        const char* body :
        {R"({"code":-352,"message":"风控校验失败","ttl":1,"data":{"v_voucher":"voucher_1"}})",
         R"({"code":-412,"message":"请求被拦截","ttl":1,"data":null})",
         R"({"code":-799,"message":"请求过于频繁，请稍后再试","ttl":1})",
         R"({"code":-401,"message":"非法访问","data":{"ga_data":{"decisions":["verify_captcha"]}}})",
         R"({"code":0,"message":"0","ttl":1,"data":{"v_voucher":"voucher_2f0e"}})"}) {
        CHECK(outcome_of(200, json_type, body, "bilibili") == account_outcome::blocked);
    }
    CHECK(outcome_of(200, json_type, R"({"data":{"result":2}})", "kuaishou") ==
          account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"data":{"result":400002,"captchaUrl":"x"}})",
                     "kuaishou") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"result":2})", "kuaishou") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"base_resp":{"ret":200013,"err_msg":"freq control"}})",
                     "wechat") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"base_resp":{"ret":200003,"err_msg":"invalid session"}})",
                     "wechat") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"ret":-6,"errmsg":"traffic control"})", "wechat") ==
          account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"status_code":0,"aweme_list":null,"has_more":0})",
                     "douyin") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"status_code":0,"aweme_list":[],"has_more":0})",
                     "douyin") == account_outcome::blocked);
    CHECK(outcome_of(200, json_type, R"({"status_code":8,"status_msg":"invalid"})", "douyin") ==
          account_outcome::blocked);
}

TEST_CASE("classifier: bridge status texts are blocked") {
    CHECK(outcome_of(200, json_type, R"({"err":"need check"})", "wechat2rss") ==
          account_outcome::blocked);
    CHECK(outcome_of(400, json_type, R"({"message":"不存在该feed","statusCode":400})", "wewe") ==
          account_outcome::blocked);
    CHECK(outcome_of(401, json_type, R"({"message":"WeReadError401"})", "wewe") ==
          account_outcome::blocked);
    CHECK(outcome_of(503, html_type, rsshub_error_page("Error: this route is empty"), "rsshub") ==
          account_outcome::blocked);
}

TEST_CASE("classifier: HTML where a feed or JSON is expected is blocked") {
    CHECK(outcome_of(200, html_type, "<!doctype html><html><body>login</body></html>", "rsshub") ==
          account_outcome::blocked);
    CHECK(outcome_of(200, "", "<html><body>portal</body></html>", "weibo") ==
          account_outcome::blocked);
    // The account's own page is HTML by nature.
    CHECK_FALSE(classify_refusal(200, html_type, "<html><body>鄂汇办</body></html>", "app"));
}

TEST_CASE("classifier: good answers go to the parser") {
    CHECK_FALSE(classify_refusal(200, rss_type,
                                 "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>"
                                 "<title>need check: 环境异常 Sina Visitor</title></item>"
                                 "</channel></rss>",
                                 "rsshub"));
    CHECK_FALSE(
        classify_refusal(200, "text/html", "<rss version=\"2.0\"><channel/></rss>", "feed"));
    CHECK_FALSE(classify_refusal(200, json_type, R"({"ok":1,"data":{"cards":[]}})", "weibo"));
    CHECK_FALSE(classify_refusal(200, json_type, R"({"ok":0,"msg":"这里还没有内容"})", "weibo"));
    CHECK_FALSE(classify_refusal(200, json_type,
                                 R"({"code":0,"data":{"list":{"vlist":[]},"page":{"count":0}}})",
                                 "bilibili"));
    CHECK_FALSE(classify_refusal(200, json_type,
                                 R"({"status_code":0,"aweme_list":[{"create_time":1773657272}]})",
                                 "douyin"));
    CHECK_FALSE(classify_refusal(200, json_type, R"({"data":{"result":1,"list":[]}})", "kuaishou"));
    CHECK_FALSE(classify_refusal(0, "", "", "rsshub")); // no HTTP answer: not ours to judge
    CHECK_FALSE(classify_refusal(200, json_type, "{garbage", "weibo")); // the parser's call
}

TEST_CASE("classifier: bridge names") {
    for (auto name : {"rsshub", "wewe", "werss", "wechat2rss", "feed"}) {
        CHECK(is_bridge_source(name));
    }
    for (auto name : {"weibo", "app", "web", "wechat", ""}) {
        CHECK_FALSE(is_bridge_source(name));
    }
}
