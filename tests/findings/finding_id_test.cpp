#include "daemon/findings/finding_id.hpp"

#include <doctest/doctest.h>

using govmon::finding_id;

TEST_CASE("finding ids are stable, distinct and unambiguous") {
    const auto id = finding_id("hb-portal", "broken_link", "https://www.hubei.gov.cn/a.html");
    CHECK(id.size() == 32);
    CHECK(id == finding_id("hb-portal", "broken_link", "https://www.hubei.gov.cn/a.html"));
    // Pinned: a changed hash would orphan every stored finding and its alert state.
    CHECK(finding_id("a", "b", "c") == "e0dee694aed26d323b0d8b861c343f25");
    CHECK(finding_id("ab", "", "c") != finding_id("a", "b", "c"));
    CHECK(finding_id("hb-portal", "tls_invalid", "https://x/") !=
          finding_id("hb-portal", "ipv6_missing", "https://x/"));
}
