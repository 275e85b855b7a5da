#include "daemon/alerts/contact_routing.hpp"
#include "daemon/config/config.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

alert_directory directory() {
    alert_directory d;
    d.ops = {"ops@prov.gov.cn"};
    d.routes = alerts_config{}.routes;
    unit_config u;
    u.id = "u-a";
    u.roster = {{"leader@a.gov.cn", "leader"},
                {"editor@a.gov.cn", "editor"},
                {"watch@a.gov.cn", "supervisor"},
                {"policy@a.gov.cn", "interpreter"}};
    for (const unit_contact& c : u.roster)
        u.contacts.push_back(c.email);
    d.units["u-a"] = u;
    unit_config bare;
    bare.id = "u-bare";
    bare.roster = {{"all@b.gov.cn", ""}};
    bare.contacts = {"all@b.gov.cn"};
    d.units["u-bare"] = bare;
    d.owners["site-a"] = "owner@a.gov.cn";
    d.owners["acc-a"] = "acc-owner@a.gov.cn";
    return d;
}

finding about(const std::string& target, const std::string& unit) {
    finding f;
    f.target = target;
    f.unit = unit;
    return f;
}

using list = std::vector<std::string>;

} // namespace

TEST_CASE("by default a veto goes to the leader and the owners of its targets at once") {
    const auto d = directory();
    const finding site = about("site-a", "u-a");
    const finding account = about("acc-a", "u-a");
    CHECK(routed_recipients("veto", "u-a", {&site, &account}, d) ==
          list{"leader@a.gov.cn", "owner@a.gov.cn", "acc-owner@a.gov.cn"});
}

TEST_CASE("digests go to editors, escalations to supervisors and the supervising office") {
    const auto d = directory();
    CHECK(routed_recipients("digest", "u-a", {}, d) == list{"editor@a.gov.cn"});
    const finding site = about("site-a", "u-a");
    CHECK(routed_recipients("escalation", "u-a", {&site}, d) ==
          list{"watch@a.gov.cn", "ops@prov.gov.cn"});
}

TEST_CASE("a contact without a role gets every mail of its unit") {
    const auto d = directory();
    CHECK(routed_recipients("digest", "u-bare", {}, d) == list{"all@b.gov.cn"});
    CHECK(routed_recipients("escalation", "u-bare", {}, d) ==
          list{"all@b.gov.cn", "ops@prov.gov.cn"});
}

TEST_CASE("configured routes replace the defaults; nobody routed falls back to the unit") {
    auto d = directory();
    d.routes["digest"] = {"interpreter", "contacts"};
    CHECK(routed_recipients("digest", "u-a", {}, d) ==
          list{"policy@a.gov.cn", "leader@a.gov.cn", "editor@a.gov.cn", "watch@a.gov.cn"});
    d.routes["veto"] = {"owner"};
    const finding unowned = about("site-b", "u-a");
    CHECK(routed_recipients("veto", "u-a", {&unowned}, d) == d.units["u-a"].contacts);
    d.routes["veto"] = {"office"};
    CHECK(routed_recipients("veto", "u-a", {&unowned}, d) == list{"ops@prov.gov.cn"});
}

TEST_CASE("an unknown unit's mail goes to alerts.to, or to the owners routed") {
    const auto d = directory();
    CHECK(routed_recipients("digest", "nobody", {}, d) == list{"ops@prov.gov.cn"});
    const finding site = about("site-a", "nobody");
    CHECK(routed_recipients("veto", "nobody", {&site}, d) == list{"owner@a.gov.cn"});
}
