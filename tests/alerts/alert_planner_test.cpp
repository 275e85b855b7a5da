#include "daemon/alerts/alert_planner.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

constexpr std::int64_t now = 1'800'000'000;
constexpr std::int64_t day = 86400;

finding_event_row row(std::int64_t id, const std::string& finding_id, const std::string& event,
                      const std::string& severity, const std::string& kind,
                      const std::string& unit = "u-a", std::int64_t time = now) {
    finding_event_row r;
    r.event_id = id;
    r.event = {finding_id, time, *parse_finding_change(event), *parse_finding_severity(severity),
               ""};
    r.current.id = finding_id;
    r.current.kind = *parse_finding_kind(kind);
    r.current.unit = unit;
    r.current.severity = *parse_finding_severity(severity);
    r.current.target_kind = kind.rfind("account", 0) == 0 ? "account" : "site";
    return r;
}

} // namespace

TEST_CASE("a new veto, a stale warning and a resolved veto each make their own mail") {
    const auto plans = plan_alerts({row(1, "f1", "opened", "veto", "account_dormant"),
                                    row(2, "f2", "opened", "warn", "account_stale"),
                                    row(3, "f3", "resolved", "veto", "site_unreachable")},
                                   now, day);
    REQUIRE(plans.size() == 3);
    CHECK(plans[0].kind == "veto");
    CHECK(plans[1].kind == "warning");
    CHECK(plans[2].kind == "recovery");
}

TEST_CASE("an early warning that becomes a veto is mailed as a veto") {
    const auto plans =
        plan_alerts({row(1, "f1", "severity_changed", "veto", "homepage_stale")}, now, day);
    REQUIRE(plans.size() == 1);
    CHECK(plans[0].kind == "veto");
}

TEST_CASE("deductions, other warnings and resolved warnings wait for the digest") {
    CHECK(plan_alerts({row(1, "f1", "opened", "deduct", "broken_link"),
                       row(2, "f2", "opened", "warn", "site_unreachable"),
                       row(3, "f3", "resolved", "warn", "account_stale"),
                       row(4, "f4", "opened", "warn", "tls_invalid")},
                      now, day)
              .empty());
}

TEST_CASE("account_blocked never goes to a unit at once, whatever its severity") {
    CHECK(plan_alerts({row(1, "f1", "opened", "warn", "account_blocked"),
                       row(2, "f1", "resolved", "warn", "account_blocked")},
                      now, day)
              .empty());
}

TEST_CASE("a veto opened and resolved within one batch is not mailed at all") {
    CHECK(plan_alerts({row(1, "f1", "opened", "veto", "account_dormant"),
                       row(2, "f1", "resolved", "veto", "account_dormant")},
                      now, day)
              .empty());
    CHECK(plan_alerts({row(1, "f2", "opened", "warn", "account_stale"),
                       row(2, "f2", "resolved", "warn", "account_stale")},
                      now, day)
              .empty());
}

TEST_CASE("every announcement of a finding resolved within the batch is undone") {
    CHECK(plan_alerts({row(1, "f1", "opened", "veto", "site_unreachable"),
                       row(2, "f1", "severity_changed", "deduct", "site_unreachable"),
                       row(3, "f1", "severity_changed", "veto", "site_unreachable"),
                       row(4, "f1", "resolved", "veto", "site_unreachable")},
                      now, day)
              .empty());
}

TEST_CASE("events older than the digest period are left to the digest") {
    CHECK(plan_alerts({row(1, "f1", "opened", "veto", "account_dormant", "u-a", now - 2 * day)},
                      now, day)
              .empty());
}

TEST_CASE("one mail per unit and kind, items in event order") {
    const auto plans = plan_alerts({row(1, "f1", "opened", "veto", "account_dormant", "u-a"),
                                    row(2, "f2", "opened", "veto", "hidden_link", "u-b"),
                                    row(3, "f3", "reopened", "veto", "account_unreachable", "u-a")},
                                   now, day);
    REQUIRE(plans.size() == 2);
    CHECK(plans[0].unit == "u-a");
    REQUIRE(plans[0].items.size() == 2);
    CHECK(plans[0].items[0].event_id == 1);
    CHECK(plans[0].items[1].event_id == 3);
    CHECK(plans[1].unit == "u-b");
}
