#include "daemon/findings/finding_id.hpp"

#include <doctest/doctest.h>

using govmon::finding_id;
using govmon::finding_kind;

TEST_CASE("finding ids are stable, distinct and unambiguous") {
    const auto id =
        finding_id("hb-portal", finding_kind::broken_link, "https://www.hubei.gov.cn/a.html");
    CHECK(id.size() == 32);
    CHECK(id ==
          finding_id("hb-portal", finding_kind::broken_link, "https://www.hubei.gov.cn/a.html"));
    // Pinned: SHA-256 of "hb-portal\x1fbroken_link\x1fhttps://www.hubei.gov.cn/a.html", as every
    // release computed it; a changed hash would orphan every stored finding and its alert state.
    CHECK(id == "27e7fcc0d049d01a9b7019acaea7e202");
    CHECK(finding_id("hb-portal", finding_kind::tls_invalid, "https://x/") !=
          finding_id("hb-portal", finding_kind::ipv6_missing, "https://x/"));
    CHECK(finding_id("hb-portal", finding_kind::broken_link, "https://x/") !=
          finding_id("hb-portal2", finding_kind::broken_link, "https://x/"));
}
