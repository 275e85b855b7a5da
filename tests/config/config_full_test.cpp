#include "daemon/config/config_loader.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace std::chrono_literals;

namespace {

// Every key of interface.md §2 (plus the additions), each set away from its default so that a
// key read into the wrong field, or not at all, shows.
constexpr std::string_view full_config = R"(timezone: Europe/Berlin
database: data/govmon.db

metrics:
  listen: "[::1]:9100"

schedule:
  availability_every: 30m
  crawl_every: 12h
  accounts_every: 1h30m
  jitter: 0.25

http:
  user_agent: "govmon-test/2.0"
  timeout: 20s
  connect_timeout: 3s
  max_body: 512KiB
  concurrency: 16
  per_host: 4
  per_host_delay: 1s
  retries: 0
  resolve:
    "www.example.gov.cn": 127.0.0.1
    "intranet.example.gov.cn:8443": [10.0.0.1, "::1"]
  allow_private: yes
  allow_private_hosts: [intranet.example.gov.cn, oa.example.gov.cn]
  ca_file: certs/ca.pem

crawl:
  max_pages: 100
  max_depth: 3
  check_external: false
  respect_robots: no
  subhosts: yes
  target_pages_read: 50
  exclude: ['^https?://[^/]+/search', '\.pdf$']

thresholds:
  homepage_stale: 1w
  column_stale: {news: 7d, notice: 90d, personnel: 180d}
  account_warn: 3d
  account_dormant: 10d
  unreachable_ratio: 3%

ads:
  rules:
    - rules/cn-ad-networks.txt
  keywords: [广告, 博彩]

bridges:
  rsshub: http://127.0.0.1:1200

platforms:
  weibo: {api: https://m.weibo.cn, per_host_delay: 2s, concurrency: 2}
  douyin: {api: "https://douyin-proxy.example.gov.cn"}

alerts:
  smtp_url: smtps://mail.example.gov.cn:465
  from: govmon@example.gov.cn
  to: [ops@example.gov.cn, duty@example.gov.cn]
  digest_every: 12h

units:
  - id: hb-gov-office
    name: 湖北省人民政府办公厅
    contacts: [web@hubei.gov.cn]
  - id: wh-gov-office
    name: 武汉市人民政府办公厅

sites:
  - id: hb-portal
    name: 湖北省人民政府门户网站
    url: https://www.hubei.gov.cn/
    unit: hb-gov-office
    crawl_subhosts: false
    columns:
      - {name: 要闻动态, url: https://www.hubei.gov.cn/zwgk/yw/, category: news}
      - name: 人事信息
        url: https://www.hubei.gov.cn/zwgk/rsxx/
        category: personnel

accounts:
  - {id: hb-weibo, name: 湖北发布, platform: weibo, uid: "2418542712", unit: hb-gov-office}
  - {id: hb-wechat, name: 湖北发布, platform: wechat, feed: http://127.0.0.1:1200/wechat/ce/595a}
  - id: hb-app
    name: 鄂汇办
    platform: app
    url: https://example.gov.cn/app/download
    content: app
    unit: wh-gov-office
    status: 关停

registry:
  - reg/accounts.csv
)";

constexpr std::string_view registry_csv = "id,name,platform,unit\n"
                                          "wh-douyin,武汉发布,douyin,wh-gov-office\n";

struct full_fixture {
    test::temp_dir dir;
    std::string path = dir.write("conf/govmon.yaml", full_config);
    std::string ca = dir.write("conf/certs/ca.pem", "-----BEGIN CERTIFICATE-----\n");
    std::string rules = dir.write("conf/rules/cn-ad-networks.txt", "||ads.example.com^\n");
    std::string registry = dir.write("conf/reg/accounts.csv", registry_csv);
    config_load_result result = load_config(path);
};

} // namespace

TEST_CASE_FIXTURE(full_fixture, "a config with every key loads every value into the struct") {
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    const config& cfg = result.cfg;

    SUBCASE("top level and paths next to the config file") {
        CHECK(cfg.path == path);
        CHECK(cfg.timezone == "Europe/Berlin");
        CHECK(cfg.database == (dir.path() / "conf/data/govmon.db").string());
        CHECK(cfg.metrics.listen == "[::1]:9100");
        CHECK(cfg.http.ca_file == ca);
        CHECK(cfg.ads.rules == std::vector<std::string>{rules});
        CHECK(cfg.registry == std::vector<std::string>{registry});
    }
    SUBCASE("schedule") {
        CHECK(cfg.schedule.availability_every == 30min);
        CHECK(cfg.schedule.crawl_every == 12h);
        CHECK(cfg.schedule.accounts_every == 90min);
        CHECK(cfg.schedule.jitter == doctest::Approx(0.25));
    }
    SUBCASE("http") {
        const auto& h = cfg.http;
        CHECK(h.user_agent == "govmon-test/2.0");
        CHECK(h.timeout == 20s);
        CHECK(h.connect_timeout == 3s);
        CHECK(h.max_body == 512u * 1024u);
        CHECK(h.concurrency == 16);
        CHECK(h.per_host == 4);
        CHECK(h.per_host_delay == 1s);
        CHECK(h.retries == 0);
        CHECK(h.allow_private);
        CHECK(h.allow_private_hosts ==
              std::vector<std::string>{"intranet.example.gov.cn", "oa.example.gov.cn"});
        const std::map<std::string, std::vector<std::string>> resolve{
            {"www.example.gov.cn", {"127.0.0.1"}},
            {"intranet.example.gov.cn:8443", {"10.0.0.1", "::1"}}};
        CHECK(h.resolve == resolve);
    }
    SUBCASE("crawl") {
        CHECK(cfg.crawl.max_pages == 100);
        CHECK(cfg.crawl.max_depth == 3);
        CHECK_FALSE(cfg.crawl.check_external);
        CHECK_FALSE(cfg.crawl.respect_robots);
        CHECK(cfg.crawl.exclude == std::vector<std::string>{"^https?://[^/]+/search", "\\.pdf$"});
        CHECK(cfg.crawl.subhosts);
        CHECK(cfg.crawl.target_pages_read == 50);
    }
    SUBCASE("thresholds") {
        const auto& t = cfg.thresholds;
        CHECK(t.homepage_stale == std::chrono::hours(24 * 7));
        CHECK(t.column_stale.news == std::chrono::hours(24 * 7));
        CHECK(t.column_stale.notice == std::chrono::hours(24 * 90));
        CHECK(t.column_stale.personnel == std::chrono::hours(24 * 180));
        CHECK(t.account_warn == std::chrono::hours(24 * 3));
        CHECK(t.account_dormant == std::chrono::hours(24 * 10));
        CHECK(t.unreachable_ratio == doctest::Approx(0.03));
    }
    SUBCASE("ads, bridges, platforms, alerts") {
        CHECK(cfg.ads.keywords == std::vector<std::string>{"广告", "博彩"});
        CHECK(cfg.bridges.rsshub == "http://127.0.0.1:1200");
        REQUIRE(cfg.platforms.size() == 2);
        CHECK(cfg.platforms.at("weibo").api == "https://m.weibo.cn");
        CHECK(cfg.platforms.at("weibo").per_host_delay == std::optional<duration>(2s));
        CHECK(cfg.platforms.at("douyin").api == "https://douyin-proxy.example.gov.cn");
        CHECK_FALSE(cfg.platforms.at("douyin").per_host_delay.has_value());
        CHECK(cfg.platforms.at("weibo").concurrency == 2);
        CHECK(cfg.platforms.at("douyin").concurrency == 0);
        CHECK(cfg.alerts.smtp_url == "smtps://mail.example.gov.cn:465");
        CHECK(cfg.alerts.from == "govmon@example.gov.cn");
        CHECK(cfg.alerts.to ==
              std::vector<std::string>{"ops@example.gov.cn", "duty@example.gov.cn"});
        CHECK(cfg.alerts.digest_every == 12h);
    }
    SUBCASE("units, sites and columns") {
        REQUIRE(cfg.units.size() == 2);
        CHECK(cfg.units[0].id == "hb-gov-office");
        CHECK(cfg.units[0].name == "湖北省人民政府办公厅");
        CHECK(cfg.units[0].contacts == std::vector<std::string>{"web@hubei.gov.cn"});
        CHECK(cfg.units[0].where.line == 64);
        CHECK(cfg.units[1].contacts.empty());
        REQUIRE(cfg.sites.size() == 1);
        const site_config& site = cfg.sites[0];
        CHECK(site.id == "hb-portal");
        CHECK(site.url == "https://www.hubei.gov.cn/");
        CHECK(site.unit == "hb-gov-office");
        CHECK(site.where.file == path);
        CHECK(site.where.line == 71);
        REQUIRE(site.columns.size() == 2);
        CHECK(site.columns[0].name == "要闻动态");
        CHECK(site.columns[0].url == "https://www.hubei.gov.cn/zwgk/yw/");
        CHECK(site.columns[1].category == "personnel");
        CHECK(site.crawl_subhosts == false);
    }
    SUBCASE("accounts from the YAML and the registry") {
        REQUIRE(cfg.accounts.size() == 4);
        const account_config& weibo = cfg.accounts[0];
        CHECK(weibo.platform == "weibo");
        CHECK(weibo.uid == "2418542712");
        CHECK(weibo.unit == "hb-gov-office");
        CHECK(weibo.active);
        CHECK(weibo.where.line == 83);
        CHECK(cfg.accounts[1].feed == "http://127.0.0.1:1200/wechat/ce/595a");
        CHECK(cfg.accounts[1].unit.empty());
        const account_config& app = cfg.accounts[2];
        CHECK(app.url == "https://example.gov.cn/app/download");
        CHECK(app.content == "app");
        CHECK_FALSE(app.active);
        CHECK(app.where.line == 85);
        const account_config& from_csv = cfg.accounts[3];
        CHECK(from_csv.id == "wh-douyin");
        CHECK(from_csv.name == "武汉发布");
        CHECK(from_csv.where.file == registry);
        CHECK(from_csv.where.line == 2);
    }
}

TEST_CASE("keys left out keep config.hpp's defaults") {
    test::temp_dir dir;
    const auto result = load_config(dir.write("govmon.yaml", "timezone: Asia/Shanghai\n"));
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    const config defaults;
    const config& cfg = result.cfg;
    CHECK(cfg.database == defaults.database);
    CHECK(cfg.schedule.availability_every == defaults.schedule.availability_every);
    CHECK(cfg.http.max_body == defaults.http.max_body);
    CHECK(cfg.http.timeout == defaults.http.timeout);
    CHECK(cfg.thresholds.column_stale.notice == defaults.thresholds.column_stale.notice);
    CHECK(cfg.ads.keywords == defaults.ads.keywords);
    CHECK(cfg.accounts.empty());
}
