#include "daemon/common/finding_kind.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace govmon;

TEST_CASE("every finding kind has one complete descriptor, in the enum's order") {
    std::set<std::string_view> names;
    std::size_t index = 0;
    for (const finding_kind_info& k : finding_kinds()) {
        CAPTURE(k.name);
        CHECK(static_cast<std::size_t>(k.kind) == index++);
        CHECK(&info_of(k.kind) == &k);
        CHECK(names.insert(k.name).second);
        CHECK(parse_finding_kind(k.name) == k.kind);
        CHECK(name_of(k.kind) == k.name);
        CHECK_FALSE(k.indicator.empty());
        CHECK_FALSE(k.label.empty());
        CHECK_FALSE(k.problem.empty());
        CHECK_FALSE(k.advice.empty());
        CHECK(k.severities != 0);
    }
    CHECK(finding_kinds().size() == 25);
    CHECK_FALSE(parse_finding_kind("dormant"));
    CHECK_FALSE(parse_finding_kind(""));
}

TEST_CASE("severities round-trip and each kind has the contract's severities") {
    for (const auto s : {finding_severity::veto, finding_severity::deduct, finding_severity::warn})
        CHECK(parse_finding_severity(name_of(s)) == s);
    CHECK_FALSE(parse_finding_severity("catastrophic"));
    CHECK(can_have(finding_kind::account_dormant, finding_severity::veto));
    CHECK_FALSE(can_have(finding_kind::account_dormant, finding_severity::warn));
    CHECK(can_have(finding_kind::homepage_stale, finding_severity::warn));
    CHECK_FALSE(can_have(finding_kind::hidden_link, finding_severity::deduct));
    CHECK(info_of(finding_kind::broken_link).target == finding_target::either);
}
