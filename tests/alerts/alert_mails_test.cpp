#include "daemon/alerts/alert_mails.hpp"
#include "daemon/alerts/mail_body.hpp"
#include "daemon/common/time_zone.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

constexpr std::int64_t day = 86400;
// 2026-11-23 12:00 in Beijing.
constexpr std::int64_t now = 1795406400;

alert_directory directory() {
    set_default_time_zone("Asia/Shanghai");
    alert_directory d;
    d.from = "govmon@example.gov.cn";
    d.ops = {"ops@example.gov.cn"};
    d.units["u-a"] = {"u-a", "湖北省人民政府办公厅", {"web@hubei.gov.cn"}, {}};
    d.units["u-silent"] = {"u-silent", "无联系人单位", {}, {}};
    d.targets["hb-weibo"] = {
        "hb-weibo", "account", "湖北发布", "weibo", "u-a", "https://weibo.com/u/1", true};
    d.targets["hb-portal"] = {"hb-portal", "site", "湖北省人民政府门户网站",
                              "web",       "u-a",  "https://www.hubei.gov.cn/",
                              true};
    d.newest_posts["hb-weibo"] = now - 9 * day;
    return d;
}

finding make_finding(const std::string& target, const std::string& kind,
                     const std::string& severity, std::int64_t first_seen,
                     const std::string& unit = "u-a", const std::string& url = "") {
    finding f;
    f.id = target + kind + url;
    f.target = target;
    f.target_kind = target == "hb-weibo" ? "account" : "site";
    f.unit = unit;
    f.kind = *parse_finding_kind(kind);
    f.severity = *parse_finding_severity(severity);
    f.url = url;
    f.first_seen = first_seen;
    f.status = finding_status::open;
    return f;
}

planned_alert plan(const std::string& kind, const finding& f, std::int64_t event_id = 7) {
    finding_event_row row;
    row.event_id = event_id;
    row.event = {f.id, now, kind == "recovery" ? finding_change::resolved : finding_change::opened,
                 f.severity, ""};
    row.current = f;
    return {kind, f.unit, {row}};
}

} // namespace

TEST_CASE("an account_stale warning names the day the account turns dormant") {
    const auto d = directory();
    const auto mail = compose_alert(
        plan("warning", make_finding("hb-weibo", "account_stale", "warn", now)), d, now);
    // newest post 2026-11-14 + 14 days = 2026-11-28.
    CHECK(mail.mail.subject ==
          "【预警】湖北发布（微博）如不更新，将于 2026年11月28日 被判定为“僵尸”账号");
    CHECK(mail.text.find("2026年11月14日（距今 9 天）") != std::string::npos);
    CHECK(mail.mail.recipients == std::vector<std::string>{"web@hubei.gov.cn"});
    CHECK(mail.mail.kind == "warning");
    CHECK(mail.mail.audience == "u-a");
}

TEST_CASE("a unit without contacts has its mail sent to alerts.to") {
    const auto d = directory();
    const auto mail = compose_alert(
        plan("veto", make_finding("hb-portal", "hidden_link", "veto", now, "u-silent")), d, now);
    CHECK(mail.mail.recipients == std::vector<std::string>{"ops@example.gov.cn"});
    CHECK(mail.mail.subject == "【单项否决】湖北省人民政府门户网站：暗链或链接不良内容");
}

TEST_CASE("message ids differ between mails and carry the sender's domain") {
    const auto d = directory();
    const finding f = make_finding("hb-weibo", "account_dormant", "veto", now);
    const auto a = compose_alert(plan("veto", f, 1), d, now);
    const auto b = compose_alert(plan("veto", f, 2), d, now);
    CHECK(a.mail.message_id != b.mail.message_id);
    CHECK(a.mail.message_id.find("@example.gov.cn") != std::string::npos);
    CHECK(a.mail.message.find("Message-ID: <" + a.mail.message_id + ">") != std::string::npos);
}

TEST_CASE("a unit's digest leaves out account_blocked; the alerts.to digest has it") {
    const auto d = directory();
    const std::vector<finding> open{
        make_finding("hb-weibo", "account_blocked", "warn", now - day),
        make_finding("hb-portal", "broken_link", "deduct", now - day, "u-a", "https://x/1"),
        make_finding("hb-portal", "homepage_stale", "veto", now - 2 * day)};
    const auto unit = compose_digest("u-a", open, d, now);
    REQUIRE(unit);
    CHECK(unit->text.find("平台拒绝检测") == std::string::npos);
    CHECK(unit->mail.subject.find("单项否决 1 项、预警 0 项、扣分 1 项") != std::string::npos);
    const auto everyone = compose_digest("*", open, d, now);
    REQUIRE(everyone);
    CHECK(everyone->text.find("平台拒绝检测") != std::string::npos);
    CHECK(everyone->mail.recipients == std::vector<std::string>{"ops@example.gov.cn"});
}

TEST_CASE("a digest never names a target that is no longer probed (closed or gone)") {
    auto d = directory();
    d.targets["hb-weibo"].active = false;
    const std::vector<finding> open{make_finding("hb-weibo", "account_dormant", "veto", now),
                                    make_finding("hb-gone", "account_dormant", "veto", now)};
    CHECK_FALSE(compose_digest("u-a", open, d, now));
    CHECK_FALSE(compose_digest("*", open, d, now));
}

TEST_CASE("a dormant verdict of an account now refused says it rests on an older probe") {
    const auto d = directory();
    const std::vector<finding> open{make_finding("hb-weibo", "account_dormant", "veto", now),
                                    make_finding("hb-weibo", "account_blocked", "warn", now)};
    const auto digest = compose_digest("u-a", open, d, now);
    REQUIRE(digest);
    CHECK(digest->text.find("平台当前拒绝检测，此结论以最近一次成功检测为准") != std::string::npos);
}

TEST_CASE("gambling and ad links are shown as text, never as links") {
    const auto d = directory();
    const auto mail =
        compose_alert(plan("veto", make_finding("hb-portal", "hidden_link", "veto", now, "u-a",
                                                "https://casino.example/")),
                      d, now);
    CHECK(mail.text.find("链接（请勿点击）：https://casino.example/") != std::string::npos);
}

TEST_CASE("a digest lists vetoes first, and nothing is sent when nothing is open") {
    const auto d = directory();
    const std::vector<finding> open{
        make_finding("hb-portal", "broken_link", "deduct", now, "u-a", "https://x/1"),
        make_finding("hb-portal", "homepage_stale", "veto", now - 5 * day)};
    const auto digest = compose_digest("u-a", open, d, now);
    REQUIRE(digest);
    CHECK(digest->text.find("首页长期未更新") < digest->text.find("链接不可用"));
    CHECK_FALSE(compose_digest("u-silent", open, d, now));
    CHECK_FALSE(compose_digest("u-a", {}, d, now));
}

TEST_CASE("a digest lists at most 20 deductions per target and says how many it left out") {
    const auto d = directory();
    std::vector<finding> open;
    for (int i = 0; i < 25; ++i)
        open.push_back(make_finding("hb-portal", "broken_link", "deduct", now - i, "u-a",
                                    "https://x/" + std::to_string(i)));
    const auto digest = compose_digest("u-a", open, d, now);
    REQUIRE(digest);
    CHECK(digest->text.find("另有 5 项扣分问题未列出") != std::string::npos);
    CHECK(digest->text.find("https://x/19") != std::string::npos);
    CHECK(digest->text.find("https://x/20") == std::string::npos);
}

TEST_CASE("values from the network are escaped in the HTML part") {
    mail_body body;
    body.opening = "<b>unit</b>";
    body.sections.push_back({"<script>alert(1)</script>",
                             {{"a\"b", "单项否决", {{"链接", "https://x/?a=1&b=\"2\""}}, ""}},
                             ""});
    const std::string html = render_html(body, "t");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;b&gt;unit&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("href=\"https://x/?a=1&amp;b=&quot;2&quot;\"") != std::string::npos);
}

TEST_CASE("alert mails show times in the zone of their settings, not the default zone") {
    auto d = directory();
    d.zone = load_time_zone("Asia/Shanghai");
    REQUIRE(set_default_time_zone("America/New_York"));
    const auto mail = compose_alert(
        plan("warning", make_finding("hb-weibo", "account_stale", "warn", now)), d, now);
    CHECK(mail.mail.subject ==
          "【预警】湖北发布（微博）如不更新，将于 2026年11月28日 被判定为“僵尸”账号");
    CHECK(mail.text.find("2026-11-23T12:00:00+08:00") != std::string::npos);
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
}

TEST_CASE("an escalation lists the overdue findings with their deadline, to the routed office") {
    auto d = directory();
    d.routes = alerts_config{}.routes;
    const finding f = make_finding("hb-portal", "homepage_stale", "veto", now - 9 * day);
    d.due_dates[f.id] = now - 2 * day; // 2026-11-21 12:00
    planned_escalation plan{"u-a", {f}, {{f.id, now - 9 * day, now - 2 * day}}};
    const auto mail = compose_escalation(plan, d, now);
    CHECK(mail.mail.kind == "escalation");
    CHECK(mail.mail.audience == "u-a");
    CHECK(mail.mail.subject ==
          "【整改逾期】湖北省人民政府门户网站：首页长期未更新（整改期限 2026年11月21日）");
    // A unit whose contacts have no role: every one of them, and alerts.to.
    CHECK(mail.mail.recipients ==
          std::vector<std::string>{"web@hubei.gov.cn", "ops@example.gov.cn"});
    CHECK(mail.text.find("整改期限") != std::string::npos);
    CHECK(mail.text.find("2026-11-21T12:00:00+08:00（已逾期）") != std::string::npos);
    CHECK(mail.text.find("督办") != std::string::npos);
}

TEST_CASE("a veto mail shows the deadline it opens") {
    auto d = directory();
    const finding f = make_finding("hb-weibo", "account_dormant", "veto", now);
    d.due_dates[f.id] = now + 7 * day;
    const auto mail = compose_alert(plan("veto", f), d, now);
    CHECK(mail.text.find("整改期限") != std::string::npos);
    CHECK(mail.text.find("2026-11-30T12:00:00+08:00") != std::string::npos);
    CHECK(mail.text.find("已逾期") == std::string::npos);
}
