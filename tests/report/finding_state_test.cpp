#include "daemon/common/time_zone.hpp"
#include "daemon/report/deduction_score.hpp"
#include "daemon/report/finding_state.hpp"
#include "daemon/report/quarter_summary.hpp"
#include "daemon/report/report_text.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

finding_history history(std::vector<finding_event> events) {
    finding_history h;
    h.current.id = "f";
    h.current.severity = finding_severity::veto;
    h.events = std::move(events);
    return h;
}

finding with(std::string kind, std::string source, std::string detail = "") {
    finding f;
    f.kind = *parse_finding_kind(kind);
    f.source = std::move(source);
    f.detail = std::move(detail);
    return f;
}

} // namespace

TEST_CASE("an early warning counts as a veto only from the event that made it one") {
    const auto h =
        history({{"f", 100, finding_change::opened, finding_severity::warn, ""},
                 {"f", 200, finding_change::severity_changed, finding_severity::veto, ""},
                 {"f", 300, finding_change::resolved, finding_severity::veto, ""},
                 {"f", 400, finding_change::reopened, finding_severity::deduct, ""}});
    CHECK_FALSE(state_before(h, 100));
    CHECK(state_before(h, 101)->severity == "warn");
    CHECK(state_before(h, 200)->severity == "warn"); // the change happens at 200, not before
    const auto veto = state_before(h, 201);
    REQUIRE(veto);
    CHECK(veto->severity == "veto");
    CHECK(veto->open_since == 100);
    CHECK(veto->severity_since == 200);
    CHECK_FALSE(state_before(h, 350));
    CHECK(state_before(h, 500)->open_since == 400);
    CHECK(resolved_between(h, 150, 500) == 300);
    CHECK_FALSE(resolved_between(h, 301, 500));
}

TEST_CASE("a finding without events is open from first_seen to resolved_at") {
    finding_history h;
    h.current.severity = finding_severity::deduct;
    h.current.first_seen = 100;
    h.current.resolved_at = 300;
    CHECK_FALSE(state_before(h, 100));
    CHECK(state_before(h, 250)->severity == "deduct");
    CHECK(state_before(h, 300)); // resolved at 300: still open just before
    CHECK_FALSE(state_before(h, 301));
    CHECK(resolved_between(h, 0, 301) == 300);
}

TEST_CASE("deductions: home-page links, column categories, documented values") {
    const std::string home = "https://www.example.gov.cn/";
    CHECK(deduction_tenths(with("broken_link", home), finding_severity::deduct, home) == 10);
    CHECK(deduction_tenths(with("broken_link", "https://www.example.gov.cn"),
                           finding_severity::deduct, home) == 10);
    CHECK(deduction_tenths(with("broken_link", home + "a.html"), finding_severity::deduct, home) ==
          1);
    CHECK(deduction_tenths(with("homepage_low_volume", ""), finding_severity::deduct, home) == 50);
    CHECK(deduction_tenths(with("column_stale", "", "要闻 (news): x"), finding_severity::deduct,
                           home) == 30);
    CHECK(deduction_tenths(with("column_stale", "", "公告 (notice): x"), finding_severity::veto,
                           home) == 40);
    CHECK(deduction_tenths(with("column_stale", "", "人事 (personnel): x"),
                           finding_severity::deduct, home) == 50);
    CHECK(deduction_tenths(with("column_stale", "", "no category"), finding_severity::deduct,
                           home) == 30);
    CHECK(deduction_tenths(with("blank_column", ""), finding_severity::deduct, home) == 30);
    CHECK(deduction_tenths(with("ad_link", ""), finding_severity::deduct, home) == 50);
    CHECK(deduction_tenths(with("tls_invalid", ""), finding_severity::deduct, home) == 20);
    CHECK(deduction_tenths(with("tls_invalid", ""), finding_severity::warn, home) == 0);
    CHECK(deduction_tenths(with("ipv6_missing", ""), finding_severity::deduct, home) == 20);
    CHECK(deduction_tenths(with("hidden_link", ""), finding_severity::veto, home) == 0);
}

TEST_CASE("longest gap counts the silence up to the last check") {
    CHECK_FALSE(longest_gap({}, 1000));
    CHECK(longest_gap({100}, 1000) == 900);
    CHECK(longest_gap({100, 800, 900}, 1000) == 700);
    CHECK(longest_gap({100, 200}, 150) == 100); // a last check before the newest date
}

TEST_CASE("percentages have two decimals and a space; changes are in points") {
    CHECK(percent_text({5, 18}) == "27.78 %");
    CHECK(percent_text({0, 0}) == "—");
    CHECK(percent_text({1, 1}) == "100.00 %");
    CHECK(points_text(5.0) == "+5.00 个百分点");
    CHECK(points_text(-0.001) == "0.00 个百分点");
    CHECK(points_text(std::nullopt) == "—");
    CHECK(score_text(505) == "50.5");
    CHECK(score_text(0) == "0.0");
}

TEST_CASE("a quarter still running is judged at the time of the report") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    report_context c;
    c.quarter = {*parse_local_date("2026-10-01"), *parse_local_date("2027-01-01")};
    c.generated_at = *parse_local_date("2026-11-23") + 9 * 3600;
    CHECK(checkpoint_text(c) == "季度未结束，结论以生成时（2026-11-23 09:00）为准");
    c.generated_at = c.quarter.to + 60;
    CHECK(checkpoint_text(c) == "结论以季度末（2027-01-01 00:00）为准");
}
