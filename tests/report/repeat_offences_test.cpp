#include "daemon/report/repeat_offences.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

// 2026Q2 = [q2, q3), 2026Q3 = [q3, q4) as plain numbers: only their order matters.
constexpr std::int64_t q2 = 1000, q3 = 2000, q4 = 3000;

finding_history history(const std::string& id, const std::string& target, finding_kind kind,
                        std::vector<finding_event> events) {
    finding_history h;
    h.current.id = id;
    h.current.target = target;
    h.current.target_kind = "site";
    h.current.unit = "u1";
    h.current.kind = kind;
    h.current.first_seen = events.front().time;
    for (finding_event& e : events)
        e.finding_id = id;
    h.events = std::move(events);
    const finding_event& last = h.events.back();
    h.current.severity = last.severity;
    h.current.status =
        last.event == finding_change::resolved ? finding_status::resolved : finding_status::open;
    return h;
}

finding_event at(std::int64_t time, finding_change change,
                 finding_severity severity = finding_severity::deduct) {
    return {"", time, change, severity, ""};
}

} // namespace

TEST_CASE("the same kind on the same target at two quarters' ends is a repeat, even by another "
          "finding") {
    const std::vector<finding_history> findings{
        // Broken link A open through both quarters' ends.
        history("a", "s1", finding_kind::broken_link, {at(q2 + 10, finding_change::opened)}),
        // On s2 link B was fixed in Q3 and link C broke: still 多次被通报 for broken links.
        history("b", "s2", finding_kind::broken_link,
                {at(q2 + 10, finding_change::opened), at(q3 + 10, finding_change::resolved)}),
        history("c", "s2", finding_kind::broken_link, {at(q3 + 500, finding_change::opened)}),
        // s3's problem ended within Q2: not at Q2's end, not a repeat.
        history("d", "s3", finding_kind::broken_link,
                {at(q2 + 10, finding_change::opened), at(q2 + 20, finding_change::resolved),
                 at(q3 + 10, finding_change::opened)}),
        // A warning at Q2's end is not a problem that was reported.
        history("e", "s4", finding_kind::homepage_stale,
                {at(q2 + 10, finding_change::opened, finding_severity::warn),
                 at(q3 + 10, finding_change::severity_changed, finding_severity::veto)}),
    };
    const auto repeats = find_repeat_offences(findings, {q3, q4}, {q2, q3});
    REQUIRE(repeats.size() == 2);
    CHECK(repeats[0].target == "s1");
    CHECK(repeats[0].previous_quarter);
    CHECK(repeats[0].reopened == 0);
    CHECK(repeats[1].target == "s2");
    CHECK(repeats[1].kind == finding_kind::broken_link);
}

TEST_CASE("a problem reopened within the quarter is a repeat, however it ends") {
    const std::vector<finding_history> findings{
        history("a", "s1", finding_kind::account_dormant,
                {at(q3 + 10, finding_change::opened, finding_severity::veto),
                 at(q3 + 20, finding_change::resolved, finding_severity::veto),
                 at(q3 + 30, finding_change::reopened, finding_severity::veto),
                 at(q3 + 40, finding_change::resolved, finding_severity::veto),
                 at(q3 + 50, finding_change::reopened, finding_severity::veto),
                 at(q3 + 60, finding_change::resolved, finding_severity::veto)}),
        // Reopened after the quarter: next quarter's business.
        history("b", "s2", finding_kind::broken_link,
                {at(q3 + 10, finding_change::opened), at(q3 + 20, finding_change::resolved),
                 at(q4 + 10, finding_change::reopened)}),
    };
    const auto repeats = find_repeat_offences(findings, {q3, q4}, {q2, q3});
    REQUIRE(repeats.size() == 1);
    CHECK(repeats[0].target == "s1");
    CHECK(repeats[0].reopened == 2);
    CHECK_FALSE(repeats[0].previous_quarter);
}
