#include "daemon/common/time_zone.hpp"
#include "daemon/findings/disclosure_rules.hpp"
#include "daemon/findings/interaction_rules.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t now = 1795305600; // 2026-11-22T08:00:00+08:00
const std::string home = "https://www.example.gov.cn/";
const std::string mailbox = home + "hd/szxx/";

message_row message(const std::string& title, std::int64_t asked_days_ago, reply_state state,
                    std::optional<std::int64_t> replied_days_ago = std::nullopt) {
    message_row m;
    m.title = title;
    m.url = mailbox + title + ".html";
    m.asked = now - asked_days_ago * day;
    if (replied_days_ago)
        m.replied = now - *replied_days_ago * day;
    m.state = state;
    m.dated = true;
    return m;
}

crawl_result with_channel(std::vector<message_row> messages) {
    crawl_result c;
    c.home.ok = true;
    c.interaction = interaction_reading{};
    c.interaction->read_at = now;
    channel_reading ch;
    ch.channel = {"市长信箱", mailbox};
    ch.ok = true;
    ch.http_status = 200;
    ch.messages = std::move(messages);
    ch.reply_times_shown = true;
    c.interaction->channels.push_back(std::move(ch));
    return c;
}

rule_verdict judge(const crawl_result& c) {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    return judge_interaction(c, home, now, interaction_thresholds{});
}

const finding_candidate* find(const rule_verdict& v, std::string_view kind) {
    for (const finding_candidate& c : v.candidates)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

} // namespace

TEST_CASE("interaction: a channel answered in time raises nothing, and all three are judged") {
    const rule_verdict v = judge(with_channel({
        message("路灯", 10, reply_state::answered, 8),
        message("积水", 200, reply_state::answered, 190),
    }));
    CHECK(v.candidates.empty());
    CHECK(v.judged.size() == 3);
}

TEST_CASE("interaction: an open message older than 3 months is a veto with its evidence") {
    const rule_verdict v = judge(with_channel({
        message("路灯", 10, reply_state::answered, 8),
        message("噪音", 127, reply_state::unanswered),
        message("公交", 100, reply_state::unanswered),
        message("去年的", 400, reply_state::unanswered), // outside the 12 months
    }));
    const finding_candidate* f = find(v, "interaction_unanswered");
    REQUIRE(f != nullptr);
    CHECK(f->severity == "veto");
    CHECK(f->url == mailbox);
    CHECK(f->detail.find("〈市长信箱〉2条留言超过3个月未答复（最早2026-07-18，127天") !=
          std::string::npos);
    CHECK(f->detail.find(mailbox + "噪音.html") != std::string::npos);
    CHECK(f->detail.find("读取于2026-11-22T08:00:00+08:00") != std::string::npos);
}

TEST_CASE("interaction: an answer after more than 3 months is a veto too") {
    const rule_verdict v = judge(with_channel({message("慢", 150, reply_state::answered, 20)}));
    const finding_candidate* f = find(v, "interaction_unanswered");
    REQUIRE(f != nullptr);
    CHECK(f->severity == "veto");
    CHECK(f->detail.find("答复用时超过3个月") != std::string::npos);
}

TEST_CASE("interaction: only probably open, or open for 2 months, is a warning 疑似") {
    const rule_verdict transferred =
        judge(with_channel({message("转学", 120, reply_state::probably_unanswered),
                            message("新", 5, reply_state::answered, 1)}));
    const finding_candidate* f = find(transferred, "interaction_unanswered");
    REQUIRE(f != nullptr);
    CHECK(f->severity == "warn");
    CHECK(f->detail.find("疑似") != std::string::npos);

    const rule_verdict early = judge(with_channel({message("两个月", 70, reply_state::unanswered),
                                                   message("新", 5, reply_state::answered, 1)}));
    REQUIRE(find(early, "interaction_unanswered") != nullptr);
    CHECK(find(early, "interaction_unanswered")->severity == "warn");
}

TEST_CASE("interaction: a message without a known state is never counted as open") {
    const rule_verdict v = judge(with_channel(
        {message("不知", 200, reply_state::unknown), message("新", 5, reply_state::answered, 1)}));
    CHECK(find(v, "interaction_unanswered") == nullptr);
}

TEST_CASE("interaction_slow: no reply in 2 months, undated messages, reply times never shown") {
    const rule_verdict stale = judge(with_channel({message("旧", 80, reply_state::answered, 75)}));
    const finding_candidate* f = find(stale, "interaction_slow");
    REQUIRE(f != nullptr);
    CHECK(f->severity == "deduct");
    CHECK(f->detail.find("最近一次答复为2026-09-08（75天前）") != std::string::npos);

    message_row undated = message("无时间", 0, reply_state::answered);
    undated.asked.reset();
    undated.dated = false;
    const rule_verdict hidden = judge(with_channel({undated}));
    REQUIRE(find(hidden, "interaction_slow") != nullptr);
    CHECK(find(hidden, "interaction_slow")->detail.find("1条留言未公开留言时间") !=
          std::string::npos);
    CHECK(find(hidden, "interaction_slow")->detail.find("1条已答复留言均未公开答复时间") !=
          std::string::npos);
}

TEST_CASE("interaction_missing: none found is a warning 疑似, configured and gone a veto") {
    crawl_result none;
    none.home.ok = true;
    none.interaction = interaction_reading{};
    none.interaction->home_links = 57;
    const rule_verdict v = judge(none);
    const finding_candidate* f = find(v, "interaction_missing");
    REQUIRE(f != nullptr);
    CHECK(f->severity == "warn");
    CHECK(f->url == home);
    CHECK(f->detail.find("疑似") != std::string::npos);
    CHECK(f->detail.find("首页57个链接") != std::string::npos);

    crawl_result gone = with_channel({});
    gone.interaction->configured = true;
    gone.interaction->channels[0].ok = false;
    gone.interaction->channels[0].http_status = 404;
    REQUIRE(find(judge(gone), "interaction_missing") != nullptr);
    CHECK(find(judge(gone), "interaction_missing")->severity == "veto");

    crawl_result timing_out = gone;
    timing_out.interaction->channels[0].http_status = 0;
    timing_out.interaction->channels[0].error_detail = "timeout after 15s";
    CHECK(find(judge(timing_out), "interaction_missing")->severity == "warn");

    crawl_result elsewhere = none;
    elsewhere.interaction->elsewhere = "https://www.example.gov.cn/12345/";
    CHECK(judge(elsewhere).candidates.empty());
}

TEST_CASE("interaction: nothing is judged when the home page was not read") {
    crawl_result down;
    CHECK(judge(down).judged.empty());
}

TEST_CASE("disclosures: last year's annual report from February, and the footer's identifiers") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    crawl_result c;
    c.home.ok = true;
    c.home_details = home_facts{};
    c.home_details->links = 40;
    c.home_details->annual_reports.push_back(
        {"2024年度政府网站工作年度报表", home + "a.html", 2024});
    c.home_details->identity.icp = "苏ICP备12345678号";
    const rule_verdict v = judge_disclosures(c, home, now, "");
    REQUIRE(v.candidates.size() == 2);
    CHECK(v.candidates[0].kind == "annual_report_missing");
    CHECK(v.candidates[0].detail.find("首页未发现2025年度政府网站工作年度报表的链接") !=
          std::string::npos);
    CHECK(v.candidates[0].detail.find("《2024年度政府网站工作年度报表》") != std::string::npos);
    CHECK(v.candidates[1].kind == "site_identity_missing");
    CHECK(v.candidates[1].detail.find("未标注网站标识码") != std::string::npos);
    CHECK(v.candidates[1].detail.find("ICP备案号：苏ICP备12345678号") != std::string::npos);

    c.home_details->annual_reports.push_back(
        {"2025年度政府网站工作年度报表", home + "b.html", 2025});
    c.home_details->identity.site_code = "3200000001";
    CHECK(judge_disclosures(c, home, now, "").candidates.empty());
    CHECK(judge_disclosures(c, home, now, "3200000001").candidates.empty());
    const rule_verdict other = judge_disclosures(c, home, now, "3200000002");
    REQUIRE(other.candidates.size() == 1);
    CHECK(other.candidates[0].detail.find("与登记的“3200000002”不一致") != std::string::npos);

    // 2027-01-15: the 2026 report is not due yet.
    const std::int64_t january = now + 54 * day;
    CHECK(judge_disclosures(c, home, january, "").judged.size() == 2);
    CHECK(judge_disclosures(c, home, january, "").candidates.empty());
    // A link to all the reports, with no year, counts.
    c.home_details->annual_reports = {{"政府网站工作年度报表", home + "ndbb/", std::nullopt}};
    CHECK(judge_disclosures(c, home, now + 80 * day, "").candidates.empty());
}
