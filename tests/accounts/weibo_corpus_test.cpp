// The real m.weibo.cn captures of /work/shared/corpora/realworld/weibo/ (see its README for
// provenance). Every expectation below was established by reading the files by hand.
#include "probes/accounts/weibo_parser.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

using namespace govmon;

namespace {

std::string corpus(std::string_view name) {
    std::ifstream in(std::string(GOVMON_SHARED_DIR) + "/corpora/realworld/weibo/" +
                         std::string(name),
                     std::ios::binary);
    REQUIRE_MESSAGE(in, "missing corpus file " << name);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> pinned_ids(const weibo_listing& l) {
    std::vector<std::string> ids;
    for (const auto& p : l.posts) {
        if (p.pinned) {
            ids.push_back(p.id);
        }
    }
    return ids;
}

int retweets(const weibo_listing& l) {
    return static_cast<int>(std::count_if(l.posts.begin(), l.posts.end(),
                                          [](const weibo_post& p) { return p.retweet; }));
}

// created_at in these files is absolute, so `now` only has to lie after the capture.
constexpr std::int64_t after_2021_captures = 1625889600; // 2021-07-10 12:00 +08:00
constexpr std::int64_t after_2026_capture = 1782878400;  // 2026-07-01 12:00 +08:00

} // namespace

TEST_CASE("corpus rwweibo01: pinned Jun 08 post first and newest is Jun 17 16:00:11") {
    auto l = parse_weibo_listing(corpus("rwweibo01_list.json"), after_2021_captures);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.items_seen == 11);
    CHECK(l.result.items_dated == 11);
    // Thu Jun 17 16:00:11 +0800 2021, the second card; the pinned first card is Jun 08.
    CHECK(l.result.newest_post == 1623916811);
    CHECK(pinned_ids(l) == std::vector<std::string>{"4645748019299849"});
    CHECK(l.posts.front().created == 1623116104); // the pinned one: Tue Jun 08 09:35:04
    CHECK(retweets(l) == 1);
    CHECK_FALSE(l.result.links.empty());
}

TEST_CASE("corpus rwweibo02: newest post is a retweet at Jul 06 00:31:15") {
    auto l = parse_weibo_listing(corpus("rwweibo02_list.json"), after_2021_captures);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.items_seen == 11);
    // Tue Jul 06 00:31:15 +0800 2021: the account's retweet (its retweeted_status is 00:28:38).
    CHECK(l.result.newest_post == 1625502675);
    REQUIRE(l.posts.size() > 1);
    CHECK(l.posts.at(1).retweet);
    CHECK(l.posts.at(1).created == 1625502675);
    CHECK(pinned_ids(l) == std::vector<std::string>{"4640329573078415"}); // May 24, isTop 1
    CHECK(l.posts.front().created == 1621824246);
}

TEST_CASE("corpus rwweibo03: two pinned posts by profile_type_id and newest Jun 25 2026") {
    auto l = parse_weibo_listing(corpus("rwweibo03_list.json"), after_2026_capture);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.items_seen == 12);
    // Thu Jun 25 13:12:42 +0800 2026, the third card; the two pinned cards are May 20 and May 15.
    CHECK(l.result.newest_post == 1782364362);
    CHECK(pinned_ids(l) == std::vector<std::string>{"5300589171054063", "5298870305166871"});
    CHECK(l.posts.front().created == 1779242401); // Wed May 20 10:00:01
    CHECK(retweets(l) == 2);
}

TEST_CASE("corpus rwweibo04: MM-DD display strings and newest 06-14 of 2019") {
    // Only "MM-DD" strings: the year is the capture's. The mids give it: (mid >> 22) +
    // 515483463 reproduces every full created_at of rwweibo01-03 to the second, and gives
    // 2019-06-14 20:38:03 +08:00 for the newest card here. Weibo shows 今天/昨天 for the last
    // two days, so the capture was taken on 2019-06-16 or later: now = 2019-06-20 12:00 +08:00.
    constexpr std::int64_t now = 1561003200;
    auto l = parse_weibo_listing(corpus("rwweibo04_list.json"), now);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.items_seen == 10);
    CHECK(l.result.items_dated == 10);
    // Day precision: the end of 2019-06-14 in Beijing, never earlier than the true instant.
    CHECK(l.result.newest_post == 1560527999);
    CHECK(*l.result.newest_post >= 1560515883);
    CHECK(pinned_ids(l).empty()); // mblogtype 1 here is not the pinned marker (2)
    CHECK(retweets(l) == 1);
}

TEST_CASE("corpus rwweibo05: ok:0 这里还没有内容 is blocked alone and not_found when confirmed") {
    auto body = corpus("rwweibo05_error.json");
    auto l = parse_weibo_listing(body, after_2026_capture);
    CHECK(l.result.outcome == account_outcome::blocked);
    CHECK_FALSE(l.result.newest_post);
    CHECK(l.no_content_message);
    auto profile = parse_weibo_profile(body);
    CHECK(profile.status.outcome == account_outcome::blocked);
    CHECK(judge_weibo_account(profile, l).outcome == account_outcome::not_found);
}

TEST_CASE("corpus profiles: statuses_count and posts containerid") {
    auto p1 = parse_weibo_profile(corpus("rwweibo01_profile.json"));
    CHECK(p1.status.outcome == account_outcome::ok);
    CHECK(p1.statuses_count == 1553);
    CHECK(p1.posts_containerid == "1076036279793937");
    auto p4 = parse_weibo_profile(corpus("rwweibo04_profile.json"));
    CHECK(p4.statuses_count == 1008);
    CHECK(p4.posts_containerid == "1076031669879400");
    // A profile answer fed to the post-list parser is never a date nor an empty account.
    auto r = parse_weibo_container(corpus("rwweibo01_profile.json"), after_2021_captures);
    CHECK(r.outcome == account_outcome::parse_error);
    CHECK_FALSE(r.newest_post);
}

TEST_CASE("corpus captures cut short never give a date and bit flips never crash") {
    for (auto name : {"rwweibo01_list.json", "rwweibo03_list.json", "rwweibo04_list.json"}) {
        auto body = corpus(name);
        for (std::size_t cut = 0; cut < body.size(); cut += 97) {
            auto r =
                parse_weibo_container(std::string_view(body).substr(0, cut), after_2026_capture);
            CHECK(r.outcome != account_outcome::ok);
            CHECK_FALSE(r.newest_post);
        }
        for (std::size_t at = 0; at < body.size(); at += 131) {
            auto flipped = body;
            flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
            auto r = parse_weibo_container(flipped, after_2026_capture); // must not throw
            CHECK((r.outcome != account_outcome::ok || r.newest_post.has_value()));
        }
    }
}

TEST_CASE("corpus rwweibo03: every post's text, address and comment setting (open: -1)") {
    auto l = parse_weibo_listing(corpus("rwweibo03_list.json"), after_2026_capture);
    REQUIRE(l.result.outcome == account_outcome::ok);
    REQUIRE(l.result.posts.size() == 12);
    CHECK(l.result.posts[0].url == "https://m.weibo.cn/detail/5300589171054063");
    CHECK(l.result.posts[1].url == "https://m.weibo.cn/detail/5298870305166871");
    // Markup gone, the words kept; the hashtag links are the post's links.
    CHECK(l.result.posts[1].text.find("【首试】时隔四年，新的理想 L9 还是旗舰吗？") == 0);
    CHECK(l.result.posts[1].text.find("<a") == std::string::npos);
    CHECK(l.result.posts[1].text.find("#42how#") != std::string::npos);
    CHECK(l.result.posts[1].published.has_value());
    CHECK(std::any_of(
        l.result.posts[1].links.begin(), l.result.posts[1].links.end(),
        [](const std::string& u) { return u.starts_with("https://video.weibo.com/"); }));
    for (const auto& post : l.posts)
        if (post.comment_permission)
            CHECK(*post.comment_permission == -1);
    CHECK(l.result.interaction_off.empty());
}

TEST_CASE("corpus rwweibo01: posts without comment settings show no evidence either way") {
    auto l = parse_weibo_listing(corpus("rwweibo01_list.json"), after_2021_captures);
    REQUIRE(l.result.outcome == account_outcome::ok);
    CHECK(l.result.posts.size() == l.posts.size());
    CHECK(std::none_of(l.posts.begin(), l.posts.end(),
                       [](const weibo_post& p) { return p.comment_permission.has_value(); }));
    CHECK(l.result.interaction_off.empty());
}

TEST_CASE("comments count as switched off only when enough posts carry a setting and none is -1") {
    auto posts = [](std::initializer_list<std::optional<std::int64_t>> values) {
        std::vector<weibo_post> out;
        for (const auto& v : values) {
            weibo_post p;
            p.comment_permission = v;
            out.push_back(p);
        }
        return out;
    };
    CHECK(weibo_comments_off(posts({1, 1, 1})) ==
          "comment_manage_info.comment_permission_type 1 on all 3 posts that carry it (posts "
          "with open comments carry -1)");
    CHECK(weibo_comments_off(posts({1, 2, std::nullopt, 1})).find("1, 2 on all 3") !=
          std::string::npos);
    CHECK(weibo_comments_off(posts({1, 1})).empty());
    CHECK(weibo_comments_off(posts({1, 1, 1, -1})).empty());
    CHECK(weibo_comments_off(posts({std::nullopt, std::nullopt, std::nullopt})).empty());
}
