// The wrong-forms lists against real government text (/work/shared/corpora, see its README for
// provenance): real pages and policy feeds written correctly raise nothing, and the trap they
// hold (a 2026 policy citing 《清洁生产审核办法》 as 环境保护部令第38号) stays a healthy twin.
#include "probes/accounts/feed_parser.hpp"
#include "probes/content/text_check.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace govmon;

namespace {

const std::filesystem::path realworld =
    std::filesystem::path(GOVMON_SHARED_DIR) / "corpora" / "realworld";

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "missing corpus file " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const text_checker& shipped() {
    static const text_checker checker(
        parse_content_rules(shipped_content_rule_text(), shipped_content_rules_name).rules);
    return checker;
}

std::string names_of(const std::vector<text_problem>& problems) {
    std::string out;
    for (const text_problem& p : problems)
        out += p.found + " ";
    return out;
}

} // namespace

TEST_CASE("no wrong form on the real government pages") {
    int pages = 0;
    for (const auto& entry : std::filesystem::directory_iterator(realworld / "pages")) {
        const std::string text = read_file(entry.path());
        const auto problems = shipped().check(text);
        CHECK_MESSAGE(problems.empty(), entry.path().filename() << ": " << names_of(problems));
        ++pages;
    }
    CHECK(pages >= 15);
}

TEST_CASE("no wrong form in the posts of the real policy feeds, the cited decree included") {
    const std::int64_t now = 1'800'000'000; // 2027-01-15, after every item
    bool cites_decree = false;
    for (const char* name : {"sz_gov_policy.xml", "sh_gov_policy.xml"}) {
        const account_result r = parse_feed(read_file(realworld / "feeds" / name), "", now);
        REQUIRE(r.outcome == account_outcome::ok);
        REQUIRE(r.posts.size() == static_cast<std::size_t>(r.items_seen));
        for (const post_text& post : r.posts) {
            cites_decree |= post.text.find("环境保护部令第38号") != std::string::npos;
            const auto problems = shipped().check(post.text, post.published);
            CHECK_MESSAGE(problems.empty(), name << " " << post.url << ": " << names_of(problems));
        }
    }
    CHECK(cites_decree);
}

TEST_CASE("the outdated name of the cited decree would raise without its 令") {
    const std::string text =
        read_file(realworld / "feeds" / "sz_gov_policy.xml").find("环境保护部令") !=
                std::string::npos
            ? std::string("2026年，环境保护部发布通知")
            : std::string();
    REQUIRE_FALSE(text.empty());
    const auto problems = shipped().check(text, 1'800'000'000);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].found == "环境保护部");
    CHECK(problems[0].correct == "生态环境部");
}
