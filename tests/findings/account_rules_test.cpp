#include "daemon/common/time_zone.hpp"
#include "daemon/findings/account_rules.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace govmon;

namespace {

constexpr std::int64_t now = 1795305600;
constexpr std::int64_t day = 86400;

account_visit probe(const std::string& outcome, std::string why = "") {
    account_visit o;
    o.url = "https://m.weibo.cn/u/2418542712";
    o.detail.outcome = parse_account_outcome(outcome);
    REQUIRE(o.detail.outcome);
    o.detail.why = std::move(why);
    return o;
}

std::vector<std::string> kinds(const rule_verdict& v) {
    std::vector<std::string> out;
    for (const auto& c : v.candidates)
        out.push_back(kind_and_severity(c.kind, c.severity));
    return out;
}

bool judged(const rule_verdict& v, const std::string& kind) {
    return std::find(v.judged.begin(), v.judged.end(), kind) != v.judged.end();
}

} // namespace

TEST_CASE("a post within a week is fresh, within two weeks stale, older dormant") {
    const account_thresholds t;
    CHECK(kinds(judge_account({probe("ok")}, now - 3 * day, now, t)).empty());
    CHECK(kinds(judge_account({probe("ok")}, now - 8 * day, now, t)) ==
          std::vector<std::string>{"account_stale/warn"});
    auto dormant = judge_account({probe("ok")}, now - 15 * day, now, t);
    CHECK(kinds(dormant) == std::vector<std::string>{"account_dormant/veto"});
    CHECK(dormant.candidates[0].detail.find("15 days ago") != std::string::npos);
    CHECK(judged(dormant, "account_stale"));
    CHECK(judged(dormant, "account_blocked"));
}

TEST_CASE("exactly 14 days is not yet dormant") {
    CHECK(kinds(judge_account({probe("ok")}, now - 14 * day, now, {})) ==
          std::vector<std::string>{"account_stale/warn"});
}

TEST_CASE("video accounts are not stale after a week") {
    account_thresholds video;
    video.warn = video.dormant; // what freshness_of gives a video account
    CHECK(kinds(judge_account({probe("ok")}, now - 10 * day, now, video)).empty());
    CHECK(kinds(judge_account({probe("ok")}, now - 15 * day, now, video)) ==
          std::vector<std::string>{"account_dormant/veto"});
}

TEST_CASE("a refused probe never judges freshness, whatever the last post") {
    for (const char* outcome : {"blocked", "parse_error", "no_timestamp"}) {
        auto v = judge_account({probe("ok"), probe(outcome, "HTTP 432")}, now - 30 * day, now, {});
        CHECK(kinds(v) == std::vector<std::string>{"account_blocked/warn"});
        CHECK_FALSE(judged(v, "account_dormant"));
        CHECK_FALSE(judged(v, "account_stale"));
        CHECK_FALSE(judged(v, "account_unreachable"));
    }
}

TEST_CASE("a partial read proves an account fresh and never calls it stale or dormant") {
    const account_thresholds t;
    auto fresh =
        judge_account({probe("ok"), probe("partial", "1 of 2 items dated")}, now - 3 * day, now, t);
    CHECK(kinds(fresh).empty());
    CHECK(judged(fresh, "account_dormant")); // an open dormant finding resolves
    CHECK(judged(fresh, "account_blocked"));
    for (const std::int64_t age : {8 * day, 30 * day}) {
        auto unknown =
            judge_account({probe("ok"), probe("partial", "1 of 2 items dated")}, now - age, now, t);
        CHECK(kinds(unknown) == std::vector<std::string>{"account_blocked/warn"});
        CHECK(unknown.candidates[0].detail.find("freshness unknown") != std::string::npos);
        CHECK_FALSE(judged(unknown, "account_dormant"));
        CHECK_FALSE(judged(unknown, "account_stale"));
    }
    account_thresholds video;
    video.warn = video.dormant; // what freshness_of gives a video account
    CHECK(kinds(judge_account({probe("partial")}, now - 10 * day, now, video)).empty());
}

TEST_CASE("no posts at all is dormant only when two probes in a row agree") {
    auto once = judge_account({probe("ok"), probe("ok_empty")}, std::nullopt, now, {});
    CHECK(kinds(once).empty());
    CHECK_FALSE(judged(once, "account_dormant"));
    auto twice = judge_account({probe("ok_empty"), probe("ok_empty")}, std::nullopt, now, {});
    CHECK(kinds(twice) == std::vector<std::string>{"account_dormant/veto"});
}

TEST_CASE("a post seen before keeps counting when the list later looks empty") {
    auto v = judge_account({probe("ok_empty"), probe("ok_empty")}, now - 2 * day, now, {});
    CHECK(kinds(v).empty());
}

TEST_CASE("an account is gone only when two probes in a row say so") {
    auto first = judge_account({probe("ok"), probe("not_found", "用户不存在")}, now, now, {});
    CHECK(kinds(first) == std::vector<std::string>{"account_blocked/warn"});
    CHECK_FALSE(judged(first, "account_unreachable"));
    auto second =
        judge_account({probe("not_found"), probe("not_found", "用户不存在")}, now, now, {});
    CHECK(kinds(second) == std::vector<std::string>{"account_unreachable/veto"});
    CHECK(judged(second, "account_blocked"));
    CHECK_FALSE(judged(second, "account_dormant"));
}

TEST_CASE("a successful probe resolves blocked and unreachable") {
    auto v = judge_account({probe("blocked"), probe("ok")}, now - day, now, {});
    CHECK(kinds(v).empty());
    CHECK(judged(v, "account_blocked"));
    CHECK(judged(v, "account_unreachable"));
}

TEST_CASE("an app is judged on reachability only") {
    account_thresholds app;
    app.judge_freshness = false;
    auto v = judge_account({probe("ok")}, now - 400 * day, now, app);
    CHECK(kinds(v).empty());
    CHECK_FALSE(judged(v, "account_dormant"));
    CHECK(judged(v, "account_unreachable"));
}

namespace {

account_visit posts_at(std::vector<std::int64_t> ages) {
    account_visit o = probe("ok");
    for (const std::int64_t age : ages)
        o.detail.post_times.push_back(now - age);
    return o;
}

account_thresholds twice_a_week() { // 贵阳: 每周不少于2次
    account_thresholds t;
    t.min_posts = 2;
    t.min_posts_within = 7 * day;
    return t;
}

} // namespace

TEST_CASE("a posting rule warns when fewer posts than it asks fall within its period") {
    const auto once =
        judge_account({posts_at({2 * day, 9 * day})}, now - 2 * day, now, twice_a_week());
    CHECK(kinds(once) == std::vector<std::string>{"account_stale/warn"});
    REQUIRE(once.candidates.size() == 1);
    CHECK(once.candidates[0].detail ==
          "1 post(s) in the last 7 days, fewer than the 2 required; last post " +
              format_iso8601(now - 2 * day) + ", 2 days ago");
    CHECK(kinds(judge_account({posts_at({1 * day, 6 * day, 9 * day})}, now - day, now,
                              twice_a_week()))
              .empty());
    // Without a rule the same account is fine.
    CHECK(kinds(judge_account({posts_at({2 * day, 9 * day})}, now - 2 * day, now, {})).empty());
}

TEST_CASE("a posting rule says nothing when the list does not reach back over the period") {
    // One post listed, inside the week: the feed may list only its newest post.
    CHECK(kinds(judge_account({posts_at({2 * day})}, now - 2 * day, now, twice_a_week())).empty());
}

TEST_CASE("a posting rule never hides a stale or dormant verdict") {
    CHECK(kinds(judge_account({posts_at({8 * day, 20 * day})}, now - 8 * day, now,
                              twice_a_week())) == std::vector<std::string>{"account_stale/warn"});
    CHECK(kinds(judge_account({posts_at({15 * day, 20 * day})}, now - 15 * day, now,
                              twice_a_week())) == std::vector<std::string>{"account_dormant/veto"});
}
