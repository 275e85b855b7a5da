#include "probes/accounts/app_page.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

constexpr std::int64_t now = 1795320000;         // 2026-11-22 12:00 +08:00
constexpr std::int64_t nov_02_end = 1793635199;  // 2026-11-02 23:59:59 +08:00
constexpr std::int64_t nov_02_1020 = 1793586000; // 2026-11-02 10:20 +08:00
constexpr const char* html = "text/html; charset=utf-8";

} // namespace

TEST_CASE("app page: a labelled HTML date is the newest post") {
    auto r = judge_app_page(200, html,
                            "<html><body><h1>鄂汇办</h1><p>版本：4.2.1</p>"
                            "<p>更新时间：2026-11-02</p></body></html>",
                            now);
    CHECK(r.outcome == account_outcome::ok);
    CHECK(r.newest_post == nov_02_end);
    CHECK(r.http_status == 200);
    CHECK(r.error == error_class::none);
}

TEST_CASE("app page: labels split from their value by tags and full-width colons") {
    auto r = judge_app_page(200, html,
                            "<li><span>发布日期：</span>&nbsp;<span>2026年10月1日</span></li>"
                            "<li><span>更新时间</span>: 2026-11-02 10:20 来源：本站</li>",
                            now);
    CHECK(r.outcome == account_outcome::ok);
    CHECK(r.newest_post == nov_02_1020);
    CHECK(r.items_dated == 2);
}

TEST_CASE("app page: JSON date members in seconds milliseconds and text") {
    auto r = judge_app_page(200, "application/json",
                            R"({"code":0,"data":{"list":[{"title":"通知","publishTime":1790816400},
                               {"title":"要闻","publishTime":"2026-10-15 09:00:00"}],
                               "app":{"versionName":"4.2.1","updateTime":1793586000000}}})",
                            now);
    CHECK(r.outcome == account_outcome::ok);
    CHECK(r.newest_post == nov_02_1020);
    CHECK(r.items_dated == 3);
}

TEST_CASE("app page: reachable without a date is ok with no newest post") {
    auto r =
        judge_app_page(200, html, "<html><body><a href=\"app.apk\">下载</a></body></html>", now);
    CHECK(r.outcome == account_outcome::ok);
    CHECK_FALSE(r.newest_post);
    CHECK(r.detail.find("not judged") != std::string::npos);
    auto j = judge_app_page(200, "application/json", R"({"name":"鄂汇办","version":"4.2.1"})", now);
    CHECK(j.outcome == account_outcome::ok);
    CHECK_FALSE(j.newest_post);
}

TEST_CASE("app page: a future date counts as the probe time") {
    auto r = judge_app_page(200, html, "<p>更新时间：2027-01-01</p>", now);
    CHECK(r.newest_post == now);
}

TEST_CASE("app page: gone pages are not_found and refusals blocked") {
    CHECK(judge_app_page(404, html, "<html>404 Not Found</html>", now).outcome ==
          account_outcome::not_found);
    CHECK(judge_app_page(410, html, "", now).outcome == account_outcome::not_found);
    for (int status : {403, 429, 432, 500, 503}) {
        auto r = judge_app_page(status, html, "<html>error</html>", now);
        CHECK(r.outcome == account_outcome::blocked);
        CHECK_FALSE(r.newest_post);
    }
    CHECK(judge_app_page(200, html, "", now).outcome == account_outcome::blocked);
    CHECK(judge_app_page(200, html,
                         "<html><head><title>安全验证</title></head><body>更新时间：2026-11-20"
                         "<div>请输入验证码 /antispider/</div></body></html>",
                         now)
              .outcome == account_outcome::blocked);
    CHECK(judge_app_page(0, "", "", now).outcome == account_outcome::blocked);
}

TEST_CASE("app page: garbage and deep JSON never crash") {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(judge_app_page(200, "application/json", deep, now).outcome == account_outcome::ok);
    CHECK(judge_app_page(200, "application/json", "{\"updateTime\":", now).outcome ==
          account_outcome::ok);
    CHECK_FALSE(judge_app_page(200, html, "更新时间：", now).newest_post);
    CHECK_FALSE(judge_app_page(200, html, "更新时间：99-99-99", now).newest_post);
}
