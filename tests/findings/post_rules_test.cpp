#include "daemon/findings/post_rules.hpp"
#include "daemon/findings/text_rules.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace govmon;

namespace {

bool judges(const rule_verdict& v, finding_kind kind) {
    return std::find(v.judged.begin(), v.judged.end(), kind) != v.judged.end();
}

text_problem problem(content_rule_type type, std::string found, std::string correct) {
    text_problem p;
    p.type = type;
    p.found = std::move(found);
    p.correct = std::move(correct);
    p.excerpt = "……" + p.found + "……";
    p.source = "a 通报";
    p.occurrences = 1;
    return p;
}

} // namespace

TEST_CASE("a review without problems judges every post kind and raises nothing") {
    post_review review;
    review.account_url = "https://m.weibo.cn/u/1";
    const rule_verdict v = judge_posts(review);
    CHECK(v.candidates.empty());
    for (const auto kind :
         {finding_kind::ad_link, finding_kind::illicit_content, finding_kind::interaction_off,
          finding_kind::misstatement, finding_kind::typo})
        CHECK(judges(v, kind));
}

TEST_CASE("each post problem becomes its kind, with the post as source or url") {
    post_review review;
    review.account_url = "https://m.weibo.cn/u/1";
    review.ads.push_back({"https://pos.baidu.com/x", "https://m.weibo.cn/detail/9", "ad rule"});
    review.illicit.push_back({"https://m.weibo.cn/detail/8", "", "疑似不良内容: 百家乐"});
    review.interaction_off = "comment_permission_type 1 on all 3 posts";
    review.text.push_back(
        {"https://m.weibo.cn/detail/7", problem(content_rule_type::misspelt, "秸杆", "秸秆")});
    const rule_verdict v = judge_posts(review);
    REQUIRE(v.candidates.size() == 4);
    CHECK(v.candidates[0].kind == finding_kind::ad_link);
    CHECK(v.candidates[0].severity == finding_severity::deduct);
    CHECK(v.candidates[0].source == "https://m.weibo.cn/detail/9");
    CHECK(v.candidates[1].kind == finding_kind::illicit_content);
    CHECK(v.candidates[1].severity == finding_severity::warn);
    CHECK(v.candidates[1].url == "https://m.weibo.cn/detail/8");
    CHECK(v.candidates[2].kind == finding_kind::interaction_off);
    CHECK(v.candidates[2].severity == finding_severity::warn);
    CHECK(v.candidates[2].detail.find("疑似") != std::string::npos);
    CHECK(v.candidates[3].kind == finding_kind::typo);
    CHECK(v.candidates[3].severity == finding_severity::deduct);
}

TEST_CASE("a wrong form repeated on many pages is one finding, the preferred page its place") {
    const std::string home = "https://www.example.gov.cn/";
    std::vector<page_text_problem> problems;
    for (const std::string& page : {home + "b.html", home, home + "a.html"})
        problems.push_back(
            {page, problem(content_rule_type::serious, "中华人民共合国", "中华人民共和国")});
    problems.push_back(
        {home + "z.html", problem(content_rule_type::name, "中华人共和国", "中华人民共和国")});
    problems.push_back(
        {home + "y.html", problem(content_rule_type::outdated, "国家旅游局", "文化和旅游部")});
    rule_verdict v;
    judge_text_problems(problems, home, v);
    REQUIRE(v.candidates.size() == 3);
    const auto serious = std::find_if(v.candidates.begin(), v.candidates.end(), [](const auto& c) {
        return c.severity == finding_severity::veto;
    });
    REQUIRE(serious != v.candidates.end());
    CHECK(serious->kind == finding_kind::misstatement);
    CHECK(serious->source == home);
    CHECK(serious->url.starts_with(home + "#:~:text=%E4%B8%AD"));
    CHECK(serious->detail.find("严重表述错误：〈中华人民共合国〉应为〈中华人民共和国〉") == 0);
    CHECK(serious->detail.find("on 3 pages") != std::string::npos);
    CHECK(serious->detail.find("a 通报") != std::string::npos);
    for (const auto& c : v.candidates)
        if (c.severity != finding_severity::veto) {
            CHECK(c.kind == finding_kind::misstatement);
            CHECK(c.severity == finding_severity::warn);
            CHECK(c.detail.find("疑似") == 0);
        }
    // Two different forms on one page are two findings: the text fragment tells them apart.
    CHECK(v.candidates[0].url != v.candidates[1].url);
}
