#include "daemon/findings/finding_id.hpp"
#include "daemon/findings/finding_lifecycle.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace govmon;

namespace {

const target_identity site{"hb-portal", "site", "hb-gov-office"};

rule_verdict seeing(finding_severity severity) {
    return {{finding_kind::site_unreachable, finding_kind::tls_invalid},
            {{finding_kind::site_unreachable, severity, "https://www.hubei.gov.cn/", "",
              "2 of 30 failed"}}};
}

rule_verdict seeing_nothing() {
    return {{finding_kind::site_unreachable, finding_kind::tls_invalid}, {}};
}

void apply(std::vector<finding>& stored, const lifecycle_changes& changes) {
    for (const auto& f : changes.upserts) {
        auto it = std::find_if(stored.begin(), stored.end(),
                               [&](const finding& s) { return s.id == f.id; });
        if (it == stored.end())
            stored.push_back(f);
        else
            *it = f;
    }
}

} // namespace

TEST_CASE("a finding opens, moves, changes severity on the same id, resolves and reopens") {
    std::vector<finding> stored;

    auto opened = apply_verdict(site, seeing(finding_severity::warn), stored, 100);
    REQUIRE(opened.upserts.size() == 1);
    REQUIRE(opened.events.size() == 1);
    CHECK(opened.events[0].event == "opened");
    const finding first = opened.upserts[0];
    CHECK(first.id ==
          finding_id("hb-portal", finding_kind::site_unreachable, "https://www.hubei.gov.cn/"));
    CHECK(first.status == "open");
    CHECK(first.unit == "hb-gov-office");
    CHECK(first.first_seen == 100);
    apply(stored, opened);

    auto still = apply_verdict(site, seeing(finding_severity::warn), stored, 200);
    REQUIRE(still.upserts.size() == 1);
    CHECK(still.events.empty());
    CHECK(still.upserts[0].first_seen == 100);
    CHECK(still.upserts[0].last_seen == 200);
    apply(stored, still);

    auto worse = apply_verdict(site, seeing(finding_severity::veto), stored, 300);
    REQUIRE(worse.upserts.size() == 1);
    CHECK(worse.upserts[0].id == first.id);
    CHECK(worse.upserts[0].severity == "veto");
    REQUIRE(worse.events.size() == 1);
    CHECK(worse.events[0].event == "severity_changed");
    apply(stored, worse);

    auto gone = apply_verdict(site, seeing_nothing(), stored, 400);
    REQUIRE(gone.upserts.size() == 1);
    CHECK(gone.upserts[0].status == "resolved");
    CHECK(gone.upserts[0].resolved_at == 400);
    CHECK(gone.events.at(0).event == "resolved");
    apply(stored, gone);

    CHECK(apply_verdict(site, seeing_nothing(), stored, 450).upserts.empty());

    auto back = apply_verdict(site, seeing(finding_severity::warn), stored, 500);
    REQUIRE(back.upserts.size() == 1);
    CHECK(back.upserts[0].id == first.id);
    CHECK(back.upserts[0].status == "open");
    CHECK(back.upserts[0].first_seen == 500);
    CHECK(back.upserts[0].resolved_at == 0);
    CHECK(back.events.at(0).event == "reopened");
}

TEST_CASE("kinds the rule could not judge stay as they are") {
    std::vector<finding> stored;
    rule_verdict tls{
        {finding_kind::tls_invalid},
        {{finding_kind::tls_invalid, finding_severity::deduct, "https://x/", "", "expired"}}};
    apply(stored, apply_verdict(site, tls, stored, 100));
    REQUIRE(stored.size() == 1);

    rule_verdict unreachable{{finding_kind::site_unreachable}, {}};
    CHECK(apply_verdict(site, unreachable, stored, 200).upserts.empty());
}
