#include "daemon/config/config_loader.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using govmon::test::all_errors;
using govmon::test::find_account;
using govmon::test::has_error;

TEST_CASE("contacts with roles, bare addresses, owners and routes") {
    const test::temp_dir dir;
    dir.write("accounts.csv", "id,name,platform,uid,unit,owner,owner_email\n"
                              "csv-weibo,微博,weibo,123,u1,王五,wang@u1.gov.cn\n");
    const auto result = load_config(dir.write("govmon.yaml", R"(alerts:
  routes: {digest: [信息采编员, owner], escalation: [office]}
units:
  - id: u1
    name: 单位
    contacts:
      - all@u1.gov.cn
      - {email: boss@u1.gov.cn, role: 信息指挥长}
      - {email: watch@u1.gov.cn, role: supervisor}
sites:
  - {id: s1, name: 网站, url: 'https://www.example.gov.cn/', unit: u1, owner: 张三, owner_email: zhang@u1.gov.cn}
accounts:
  - {id: a1, name: 账号, platform: feed, feed: 'https://www.example.gov.cn/f.xml', owner: 李四, owner_email: li@u1.gov.cn}
registry: [accounts.csv]
)"));
    INFO(all_errors(result));
    REQUIRE(result.errors.empty());
    const config& cfg = result.cfg;
    const unit_config& u = cfg.units.at(0);
    CHECK(u.contacts ==
          std::vector<std::string>{"all@u1.gov.cn", "boss@u1.gov.cn", "watch@u1.gov.cn"});
    REQUIRE(u.roster.size() == 3);
    CHECK(u.roster[0].role.empty());
    CHECK(u.roster[1].role == "leader");
    CHECK(u.roster[2].role == "supervisor");
    CHECK(cfg.sites.at(0).owner == "张三");
    CHECK(cfg.sites.at(0).owner_email == "zhang@u1.gov.cn");
    CHECK(find_account(cfg, "a1")->owner_email == "li@u1.gov.cn");
    CHECK(find_account(cfg, "csv-weibo")->owner == "王五");
    CHECK(find_account(cfg, "csv-weibo")->owner_email == "wang@u1.gov.cn");
    CHECK(cfg.alerts.routes.at("digest") == std::vector<std::string>{"editor", "owner"});
    CHECK(cfg.alerts.routes.at("escalation") == std::vector<std::string>{"office"});
    CHECK(cfg.alerts.routes.at("veto") == std::vector<std::string>{"leader", "owner"});
}

TEST_CASE("one person with two roles is one address of the unit") {
    const test::temp_dir dir;
    const auto result = load_config(dir.write("govmon.yaml", R"(units:
  - id: u1
    name: 单位
    contacts:
      - {email: one@u1.gov.cn, role: leader}
      - {email: one@u1.gov.cn, role: supervisor}
      - two@u1.gov.cn
)"));
    INFO(all_errors(result));
    REQUIRE(result.errors.empty());
    const unit_config& u = result.cfg.units.at(0);
    CHECK(u.contacts == std::vector<std::string>{"one@u1.gov.cn", "two@u1.gov.cn"});
    REQUIRE(u.roster.size() == 3);
    CHECK(u.roster[1].role == "supervisor");
}

TEST_CASE("bad roles, routes and owner addresses are errors on their lines") {
    const test::temp_dir dir;
    const auto result = load_config(dir.write("govmon.yaml", R"(alerts:
  routes:
    veto: [leadr]
    sms: [leader]
units:
  - id: u1
    name: 单位
    contacts:
      - {email: boss@u1.gov.cn, role: 局长}
      - {role: editor}
      - not-an-address
sites:
  - {id: s1, name: 网站, url: 'https://www.example.gov.cn/', owner_email: zhang}
accounts:
  - {id: a1, name: 账号, platform: feed, feed: 'https://www.example.gov.cn/f.xml', owner_email: li}
)"));
    CHECK(has_error(result, 3, "unknown recipient 'leadr' (did you mean 'leader'?)"));
    CHECK(has_error(result, 4, "unknown key 'sms'"));
    CHECK(has_error(result, 9, "unknown role '局长'"));
    CHECK(has_error(result, 10, "a contact needs an email"));
    CHECK(has_error(result, 11, "'not-an-address' does not look like an email address"));
    CHECK(has_error(result, 13, "'zhang' does not look like an email address"));
    CHECK(has_error(result, 15, "owner_email of account 'a1' 'li' does not look like"));
    INFO(all_errors(result));
    CHECK(result.errors.size() == 7);
}
