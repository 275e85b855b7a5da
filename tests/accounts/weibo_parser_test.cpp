#include "probes/accounts/weibo_parser.hpp"
#include "tests/accounts/weibo_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace govmon;
using namespace govmon::test;
using nlohmann::json;

namespace {

// Full created_at strings in the format of platforms.md §1.1, around fixture_now.
constexpr const char* oct_01 = "Thu Oct 01 09:00:00 +0800 2026"; // 1790816400
constexpr const char* oct_15 = "Thu Oct 15 09:00:00 +0800 2026"; // 1792026000
constexpr const char* oct_20 = "Tue Oct 20 18:30:00 +0800 2026"; // 1792492200
constexpr const char* nov_21 = "Sat Nov 21 10:00:00 +0800 2026"; // 1795226400
constexpr const char* nov_20 = "Fri Nov 20 08:00:00 +0800 2026"; // 1795132800
constexpr std::int64_t oct_01_ts = 1790816400;
constexpr std::int64_t oct_20_ts = 1792492200;
constexpr std::int64_t nov_21_ts = 1795226400;
constexpr std::int64_t nov_20_ts = 1795132800;

int pinned_count(const weibo_listing& l) {
    return static_cast<int>(std::count_if(l.posts.begin(), l.posts.end(),
                                          [](const weibo_post& p) { return p.pinned; }));
}

} // namespace

TEST_CASE("weibo: a pinned old post over ordinary posts as old gives an old newest post") {
    auto body = listing(json::array(
        {post_card("1", oct_01, pin::is_top), post_card("2", oct_20), post_card("3", oct_15)}));
    auto l = parse_weibo_listing(body, fixture_now);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.newest_post == oct_20_ts);
    CHECK(*l.result.newest_post < fixture_now - 14 * day); // dormant-worthy
    CHECK(l.result.items_seen == 3);
    CHECK(l.result.items_dated == 3);
    CHECK(l.result.error == error_class::none);
    CHECK(pinned_count(l) == 1);
    CHECK(l.posts.front().pinned);
}

TEST_CASE("weibo: a pinned old post does not hide a fresh ordinary post") {
    auto body = listing(json::array({post_card("1", oct_01, pin::profile_type_id),
                                     post_card("2", nov_20), post_card("3", oct_20)}));
    auto r = parse_weibo_container(body, fixture_now);
    REQUIRE(r.outcome == account_outcome::ok);
    CHECK(r.newest_post == nov_20_ts);
}

TEST_CASE("weibo: a pinned post that really is the newest counts") {
    auto body = listing(json::array({post_card("1", nov_21, pin::title), post_card("2", oct_20)}));
    auto l = parse_weibo_listing(body, fixture_now);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.newest_post == nov_21_ts);
    CHECK(l.posts.at(0).pinned);
}

TEST_CASE("weibo: every documented pinned marker is recognised") {
    for (auto p : {pin::profile_type_id, pin::is_top, pin::title, pin::mblogtype}) {
        auto l =
            parse_weibo_listing(listing(json::array({post_card("1", oct_01, p)})), fixture_now);
        CHECK(l.posts.at(0).pinned);
    }
    auto plain = parse_weibo_listing(listing(json::array({post_card("1", oct_01)})), fixture_now);
    CHECK_FALSE(plain.posts.at(0).pinned);
}

TEST_CASE("weibo: a retweet counts with its own created_at and not the retweeted post's") {
    auto fresh_retweet = mblog("10", nov_20);
    fresh_retweet["retweeted_status"] = mblog("9", oct_01);
    auto old_retweet = mblog("8", oct_01);
    old_retweet["retweeted_status"] = mblog("7", nov_21); // someone else's newer post
    auto l = parse_weibo_listing(listing(json::array({card(fresh_retweet)})), fixture_now);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.newest_post == nov_20_ts);
    CHECK(l.posts.at(0).retweet);

    auto old = parse_weibo_container(listing(json::array({card(old_retweet)})), fixture_now);
    CHECK(old.newest_post == oct_01_ts);
}

TEST_CASE("weibo: cards inside card_group are read") {
    json inner = {{"card_type", 11}, {"card_group", json::array({post_card("6", oct_01)})}};
    json group = {{"card_type", 11}, {"card_group", json::array({post_card("5", nov_21), inner})}};
    json notice = {{"card_type", 58}, {"desc", "ad or notice without mblog"}};
    auto l = parse_weibo_listing(listing(json::array({notice, post_card("4", oct_20), group})),
                                 fixture_now);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.items_seen == 3);
    CHECK(l.result.newest_post == nov_21_ts);
}

TEST_CASE("weibo: relative display strings resolve against a fixed now") {
    SUBCASE("yesterday with a time") {
        auto r = parse_weibo_container(
            listing(json::array({post_card("1", "昨天 08:30"), post_card("2", "11-02")})),
            fixture_now);
        REQUIRE(r.outcome == account_outcome::ok);
        CHECK(r.newest_post == 1795221000); // 2026-11-21 08:30 +08:00
    }
    SUBCASE("MM-DD counts as the end of that Beijing day") {
        auto r =
            parse_weibo_container(listing(json::array({post_card("1", "11-02")})), fixture_now);
        REQUIRE(r.outcome == account_outcome::ok);
        CHECK(r.newest_post == 1793635199); // 2026-11-02 23:59:59 +08:00
    }
    SUBCASE("hours and minutes ago, and just now") {
        auto r =
            parse_weibo_container(listing(json::array({post_card("1", "3小时前")})), fixture_now);
        REQUIRE(r.outcome == account_outcome::ok);
        CHECK(*r.newest_post >= fixture_now - 4 * 3600);
        CHECK(*r.newest_post <= fixture_now - 2 * 3600);
        auto m = parse_weibo_container(
            listing(json::array({post_card("1", "5分钟前"), post_card("2", "刚刚")})), fixture_now);
        REQUIRE(m.outcome == account_outcome::ok);
        CHECK(*m.newest_post >= fixture_now - 60);
        CHECK(*m.newest_post <= fixture_now);
    }
}

TEST_CASE("weibo: a future-dated post counts as the probe time") {
    auto r = parse_weibo_container(
        listing(json::array({post_card("1", "Mon Nov 22 10:00:00 +0800 2027")})), fixture_now);
    REQUIRE(r.outcome == account_outcome::ok);
    CHECK(r.newest_post == fixture_now);
}

TEST_CASE("weibo: an unreadable created_at fails the page closed") {
    auto r = parse_weibo_container(
        listing(json::array({post_card("1", oct_01), post_card("2", "sometime soon")})),
        fixture_now);
    CHECK(r.outcome == account_outcome::parse_error);
    CHECK(r.error == error_class::parse);
    CHECK_FALSE(r.newest_post);
    auto missing = mblog("3", oct_01);
    missing.erase("created_at");
    auto m = parse_weibo_container(listing(json::array({card(missing)})), fixture_now);
    CHECK(m.outcome == account_outcome::parse_error);
    CHECK_FALSE(m.newest_post);
}

TEST_CASE("weibo: refusals are blocked and never carry a date") {
    const std::vector<std::string> bodies = {
        "",
        "  \r\n",
        R"({"ok":-100,"url":"https://passport.weibo.com/sso/signin?entry=wapsso)"
        R"(&source=wapssowb&url=https%3A%2F%2Fm.weibo.cn%2F"})",
        R"({"error":"relogin!","error_code":21301})",
        "<!DOCTYPE html><html><head><title>Sina Visitor System</title></head><body></body></html>",
        "<html><head><meta http-equiv=\"refresh\" content=\"0;url="
        "https://passport.weibo.com/visitor/visitor?entry=miniblog\"></head></html>"};
    for (const auto& body : bodies) {
        auto r = parse_weibo_container(body, fixture_now);
        CHECK(r.outcome == account_outcome::blocked);
        CHECK(r.error == error_class::blocked);
        CHECK_FALSE(r.newest_post);
        CHECK_FALSE(r.detail.empty());
    }
}

TEST_CASE("weibo: ok:0 is not_found only when it says the user does not exist") {
    auto gone = parse_weibo_listing(R"({"ok":0,"msg":"用户不存在"})", fixture_now);
    CHECK(gone.result.outcome == account_outcome::not_found);
    CHECK(gone.result.error == error_class::not_found);

    auto unsure =
        parse_weibo_listing(R"({"ok":0,"msg":"这里还没有内容","data":{"cards":[]}})", fixture_now);
    CHECK(unsure.result.outcome == account_outcome::blocked);
    CHECK(unsure.no_content_message);
    CHECK_FALSE(unsure.result.newest_post);

    auto other = parse_weibo_container(R"({"ok":0,"msg":"请求过于频繁"})", fixture_now);
    CHECK(other.outcome == account_outcome::blocked);
}

TEST_CASE("weibo: ok:1 with no posts is ok_empty only when the answer counts zero posts") {
    auto zero = parse_weibo_container(listing(json::array(), 0), fixture_now);
    CHECK(zero.outcome == account_outcome::ok_empty);
    CHECK(zero.error == error_class::none);
    CHECK_FALSE(zero.newest_post);

    auto counted = parse_weibo_container(listing(json::array(), 57), fixture_now);
    CHECK(counted.outcome == account_outcome::blocked);
    auto unknown = parse_weibo_container(listing(json::array(), nullptr), fixture_now);
    CHECK(unknown.outcome == account_outcome::blocked);
    json notice_only = json::array({{{"card_type", 58}, {"desc", "此用户设置了半年可见"}}});
    CHECK(parse_weibo_container(listing(notice_only, 300), fixture_now).outcome ==
          account_outcome::blocked);
}

TEST_CASE("weibo: judge_weibo_account needs two signals for not_found and ok_empty") {
    const char* no_content = R"({"ok":0,"msg":"这里还没有内容","data":{"cards":[]}})";
    auto profile_gone = parse_weibo_profile(no_content);
    auto list_gone = parse_weibo_listing(no_content, fixture_now);
    CHECK(judge_weibo_account(profile_gone, list_gone).outcome == account_outcome::not_found);

    auto profile_zero = parse_weibo_profile(
        R"({"ok":1,"data":{"userInfo":{"id":1,"statuses_count":0},"tabsInfo":{"tabs":[]}}})");
    auto profile_many =
        parse_weibo_profile(R"({"ok":1,"data":{"userInfo":{"id":1,"statuses_count":"12"}}})");
    auto empty_unknown = parse_weibo_listing(listing(json::array(), nullptr), fixture_now);
    auto empty_zero = parse_weibo_listing(listing(json::array(), 0), fixture_now);
    CHECK(judge_weibo_account(profile_zero, empty_unknown).outcome == account_outcome::ok_empty);
    CHECK(judge_weibo_account(profile_many, empty_zero).outcome == account_outcome::blocked);
    CHECK(judge_weibo_account(profile_many, empty_unknown).outcome == account_outcome::blocked);
    CHECK(judge_weibo_account(profile_gone, empty_unknown).outcome == account_outcome::blocked);

    auto dated = parse_weibo_listing(listing(json::array({post_card("1", oct_20)})), fixture_now);
    CHECK(judge_weibo_account(profile_gone, dated).outcome == account_outcome::ok);
}

TEST_CASE("weibo: an unexpected shape is a parse_error") {
    for (std::string body : {std::string("{\"ok\":1}"), std::string("{\"ok\":1,\"data\":[]}"),
                             std::string("[1,2,3]"), std::string("{\"ok\":1,\"data\":{\"cards\":"),
                             std::string("not json at all"), std::string("{\"data\":{}}"),
                             std::string("{\"ok\":7}"), std::string("\x01\x02\xff\xfe")}) {
        auto r = parse_weibo_container(body, fixture_now);
        CHECK(r.outcome == account_outcome::parse_error);
        CHECK_FALSE(r.newest_post);
    }
}

TEST_CASE("weibo: deeply nested card groups and JSON never crash") {
    json cards = json::array({post_card("1", oct_01)});
    for (int i = 0; i < 40; ++i) {
        cards = json::array({{{"card_type", 11}, {"card_group", std::move(cards)}}});
    }
    auto r = parse_weibo_container(listing(cards), fixture_now);
    CHECK(r.outcome == account_outcome::parse_error);

    std::string deep = "{\"ok\":1,\"data\":{\"cards\":" + std::string(200000, '[') +
                       std::string(200000, ']') + "}}";
    CHECK(parse_weibo_container(deep, fixture_now).outcome != account_outcome::ok);
    std::string unbalanced = "{\"ok\":1,\"data\":{\"cards\":" + std::string(200000, '[');
    CHECK(parse_weibo_container(unbalanced, fixture_now).outcome == account_outcome::parse_error);
}

TEST_CASE("weibo: links in posts are collected for the ad rules") {
    auto m = mblog("1", nov_20);
    m["text"] = "看<a href=\"https://ad.example.com/x?a=1&amp;b=2\">广告</a>"
                "<a href='/status/1'>全文</a>"
                "<a href=\"https://weibo.cn/sinaurl?luicode=10000011"
                "&u=https%3A%2F%2Fshop.example.cn%2Fp\">网页链接</a>"
                "<a href=//t.cn/A6VRxRhv>bare</a>";
    m["page_info"] = {{"type", "webpage"}, {"page_url", "http://www.example.gov.cn/a.html"}};
    auto r = parse_weibo_container(listing(json::array({card(m)})), fixture_now);
    REQUIRE(r.outcome == account_outcome::ok);
    CHECK(r.links == std::vector<std::string>{"https://ad.example.com/x?a=1&b=2",
                                              "https://shop.example.cn/p",
                                              "http://www.example.gov.cn/a.html"});
}

TEST_CASE("weibo: profile answer gives the post count and the posts containerid") {
    auto p = parse_weibo_profile(
        R"({"ok":1,"data":{"userInfo":{"id":2418542712,"statuses_count":98765},
            "tabsInfo":{"tabs":[{"tab_type":"profile","containerid":"2302832418542712"},
                                {"tab_type":"weibo","containerid":"1076032418542712"}]}}})");
    CHECK(p.status.outcome == account_outcome::ok);
    CHECK(p.statuses_count == 98765);
    CHECK(p.posts_containerid == "1076032418542712");
    CHECK(parse_weibo_profile("").status.outcome == account_outcome::blocked);
    CHECK(parse_weibo_profile(R"({"ok":1,"data":{}})").status.outcome ==
          account_outcome::parse_error);
}

TEST_CASE("weibo: request URLs and headers follow platforms.md") {
    CHECK(weibo_container_url("https://m.weibo.cn", "2418542712") ==
          "https://m.weibo.cn/api/container/getIndex?type=uid&value=2418542712"
          "&containerid=1076032418542712");
    CHECK(weibo_container_url("http://127.0.0.1:8080/weibo/", "1") ==
          "http://127.0.0.1:8080/weibo/api/container/getIndex?type=uid&value=1"
          "&containerid=1076031");
    CHECK(weibo_container_url("", "1 2") ==
          "https://m.weibo.cn/api/container/getIndex?type=uid&value=1%202"
          "&containerid=1076031%202");
    CHECK(weibo_profile_url("https://m.weibo.cn/", "2418542712") ==
          "https://m.weibo.cn/api/container/getIndex?type=uid&value=2418542712");
    auto headers = weibo_request_headers("2418542712");
    auto value = [&](std::string_view name) {
        for (const auto& [k, v] : headers) {
            if (k == name) {
                return v;
            }
        }
        return std::string();
    };
    CHECK(value("Referer") == "https://m.weibo.cn/u/2418542712");
    CHECK(value("MWeibo-Pwa") == "1");
    CHECK(value("X-Requested-With") == "XMLHttpRequest");
    CHECK(value("User-Agent").find("iPhone") != std::string::npos);
}
