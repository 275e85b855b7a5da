#include "daemon/common/finding_status.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("finding statuses read back from the names the contract spells") {
    for (const finding_status s : {finding_status::open, finding_status::resolved})
        CHECK(parse_finding_status(name_of(s)) == s);
    CHECK(name_of(finding_status::open) == "open");
    CHECK(name_of(finding_status::resolved) == "resolved");
    CHECK_FALSE(parse_finding_status("closed"));
    CHECK_FALSE(parse_finding_status(""));
}

TEST_CASE("finding events read back from the names the contract spells") {
    for (const finding_change c : {finding_change::opened, finding_change::severity_changed,
                                   finding_change::resolved, finding_change::reopened})
        CHECK(parse_finding_change(name_of(c)) == c);
    CHECK(name_of(finding_change::opened) == "opened");
    CHECK(name_of(finding_change::severity_changed) == "severity_changed");
    CHECK(name_of(finding_change::resolved) == "resolved");
    CHECK(name_of(finding_change::reopened) == "reopened");
    CHECK_FALSE(parse_finding_change("Opened"));
    CHECK_FALSE(parse_finding_change("open"));
}
