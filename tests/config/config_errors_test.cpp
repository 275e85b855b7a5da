#include "daemon/config/config_loader.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace govmon;

namespace {

// Line numbers are the point of this file: each problem sits on the line its comment names.
constexpr std::string_view many_problems = R"(timezone: Asia/Shanghia
database: test.db
schedule:
  availabilty_every: 1h
  crawl_every: 15
http:
  max_body: 8 MiB
  concurrency: {a: 1}
  retries: -1
colour: blue
units:
  - id: u1
    name: Unit One
sites:
  - id: s1
    name: Site One
    url: ftp://example.gov.cn/
    unit: u1
  - id: s2
    name: Site Two
    url: https://two.example.gov.cn/
    unit: u9
accounts:
  - {id: s1, name: Dup, platform: web, url: https://example.gov.cn/}
crawl:
  exclude: ['([a-z']
)";

config_load_result load_text(const test::temp_dir& dir, std::string_view yaml) {
    return load_config(dir.write("govmon.yaml", yaml));
}

} // namespace

TEST_CASE("every problem of a bad config is reported, each on its own line") {
    test::temp_dir dir;
    const auto result = load_text(dir, many_problems);
    INFO(test::all_errors(result));

    CHECK(test::has_error(result, 1, "unknown time zone 'Asia/Shanghia'"));
    CHECK(test::has_error(result, 4,
                          "unknown key 'availabilty_every' in schedule "
                          "(did you mean 'availability_every'?)"));
    CHECK(test::has_error(result, 5, "schedule.crawl_every: duration '15' has no unit"));
    CHECK(test::has_error(result, 7, "http.max_body: bad size '8 MiB'"));
    CHECK(test::has_error(result, 8, "http.concurrency: expected a single value, got a mapping"));
    CHECK(test::has_error(result, 9, "http.retries: must be at least 0"));
    CHECK(test::has_error(result, 10, "unknown key 'colour' at the top level"));
    CHECK(test::has_error(result, 17, "'ftp://example.gov.cn/' is not an absolute http"));
    CHECK(test::has_error(result, 22, "unknown unit 'u9' in site 's2' (did you mean 'u1'?)"));
    CHECK(
        test::has_error(result, 24, "duplicate account id 's1' (first used by a site at line 15)"));
    CHECK(test::has_error(result, 26, "'([a-z' is not a valid regular expression"));
    CHECK(result.errors.size() == 11);
    CHECK(std::is_sorted(
        result.errors.begin(), result.errors.end(),
        [](const config_error& a, const config_error& b) { return a.line < b.line; }));
    for (const auto& e : result.errors)
        CHECK(e.file == (dir.path() / "govmon.yaml").string());
}

TEST_CASE("a YAML syntax error is reported with the parser's line") {
    test::temp_dir dir;
    const auto result = load_text(dir, "timezone: Asia/Shanghai\n"
                                       "schedule:\n"
                                       "  crawl_every: 1h\n"
                                       "  jitter: [10%\n"
                                       "sites: []\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message.find("YAML syntax error") != std::string::npos);
    CHECK(result.errors[0].line == 5);
}

TEST_CASE("format_config_error prints FILE:LINE: message") {
    CHECK(format_config_error({"a/govmon.yaml", 12, "bad"}) == "a/govmon.yaml:12: bad");
    CHECK(format_config_error({"a/govmon.yaml", 0, "cannot read"}) == "a/govmon.yaml: cannot read");
}

TEST_CASE("files that cannot be used as a config") {
    test::temp_dir dir;
    SUBCASE("missing file") {
        const auto result = load_config((dir.path() / "nope.yaml").string());
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message == "cannot read the config file");
    }
    SUBCASE("empty file") {
        const auto result = load_text(dir, "# nothing but a comment\n");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message == "the config file is empty");
    }
    SUBCASE("a list instead of a mapping") {
        const auto result = load_text(dir, "- a\n- b\n");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("expected a mapping") != std::string::npos);
    }
}

TEST_CASE("wrong types and out-of-range values name the key and the line") {
    test::temp_dir dir;
    const auto result = load_text(dir, "crawl:\n"
                                       "  check_external: maybe\n" // 2
                                       "  max_pages: abc\n"        // 3
                                       "  max_depth: 0\n"          // 4
                                       "  exclude: '^/search'\n"   // 5
                                       "schedule:\n"
                                       "  jitter: 150%\n"       // 7
                                       "  accounts_every: 0s\n" // 8
                                       "thresholds:\n"
                                       "  unreachable_ratio: 1\n" // 10
                                       "http:\n"
                                       "  per_host: 99999999999\n" // 12
                                       "  timeout:\n"              // 13
                                       "metrics:\n"
                                       "  listen: localhost\n"       // 15
                                       "timezone: [Asia/Shanghai]\n" // 16
                                       "schedule:\n");               // 17
    INFO(test::all_errors(result));
    CHECK(test::has_error(result, 2, "crawl.check_external: expected true or false, got 'maybe'"));
    CHECK(test::has_error(result, 3, "crawl.max_pages: expected a whole number, got 'abc'"));
    CHECK(test::has_error(result, 4, "crawl.max_depth: must be at least 1"));
    CHECK(test::has_error(result, 5, "crawl.exclude: expected a list"));
    CHECK(test::has_error(result, 7, "schedule.jitter: '150%' is out of range"));
    CHECK(test::has_error(result, 8, "schedule.accounts_every: must be longer than zero"));
    CHECK(test::has_error(result, 10, "thresholds.unreachable_ratio: '1' is out of range"));
    CHECK(test::has_error(result, 12, "http.per_host: number '99999999999' is too large"));
    CHECK(test::has_error(result, 13, "http.timeout: has no value"));
    CHECK(test::has_error(result, 15, "metrics.listen: 'localhost' is not host:port"));
    CHECK(test::has_error(result, 16, "timezone: expected a single value, got a list"));
    CHECK(test::has_error(result, 17, "key 'schedule' repeated at the top level"));
    CHECK(result.errors.size() == 12);
}

TEST_CASE("account, unit and alert checks") {
    test::temp_dir dir;
    const auto result = load_text(
        dir, "units:\n"
             "  - {id: u1, name: U, contacts: [not-an-address]}\n" // 2
             "  - {id: u1, name: Again}\n"                         // 3
             "accounts:\n"
             "  - {id: a1, name: A, platform: weibo}\n"                                 // 5
             "  - {id: a2, name: B, platform: feed}\n"                                  // 6
             "  - {id: a3, name: C, platform: wechta, feed: http://127.0.0.1:1200/x}\n" // 7
             "  - {id: a4, name: D, platform: web, url: https://a.example/, content: audio}\n"
             "  - {id: a5, name: E, platform: web, uid: 1, status: suspended}\n" // 9
             "  - {name: F, platform: web}\n"                                    // 10
             "alerts:\n"
             "  smtp_url: http://mail.example.gov.cn\n" // 12
             "  from: govmon@example.gov.cn\n"
             "  to: [ops@example]\n" // 14
             "http:\n"
             "  resolve:\n"
             "    www.example.gov.cn: [127.0.0.1, 300.1.1.1]\n" // 17
             "    'bad host': 127.0.0.1\n"                      // 18
             "  ca_file: missing.pem\n"                         // 19
             "registry: [missing.csv]\n"                        // 20
             "platforms:\n"
             "  myspace: {api: https://myspace.com}\n" // 22
             "  weibo: {apii: https://m.weibo.cn}\n"   // 23
             "thresholds: {account_warn: 20d}\n");     // 24
    INFO(test::all_errors(result));
    CHECK(test::has_error(result, 2, "'not-an-address' does not look like an email address"));
    CHECK(test::has_error(result, 3, "duplicate unit id 'u1' (first used by a unit at line 2)"));
    CHECK(test::has_error(result, 5, "account 'a1' is a weibo account without uid"));
    CHECK(test::has_error(result, 6, "account 'a2' has platform feed but no feed URL"));
    CHECK(test::has_error(result, 7,
                          "unknown platform 'wechta' for account 'a3' "
                          "(did you mean 'wechat'?)"));
    CHECK(test::has_error(result, 8, "unknown content 'audio'"));
    CHECK(test::has_error(result, 9, "unknown status 'suspended'"));
    CHECK(test::has_error(result, 10, "account has no id"));
    CHECK(test::has_error(result, 12, "is not an smtp:// or smtps:// URL"));
    CHECK(test::has_error(result, 14, "'ops@example' does not look like an email address"));
    CHECK(test::has_error(result, 17, "'300.1.1.1' is not an IPv4 or IPv6 address"));
    CHECK(test::has_error(result, 18, "'bad host' is not host or host:port"));
    CHECK(test::has_error(result, 19, "http.ca_file: file 'missing.pem' does not exist"));
    CHECK(test::has_error(result, 20, "registry[0]: file 'missing.csv' does not exist"));
    CHECK(test::has_error(result, 22, "unknown platform 'myspace'"));
    CHECK(
        test::has_error(result, 23, "unknown key 'apii' in platforms.weibo (did you mean 'api'?)"));
    CHECK(test::has_error(result, 24,
                          "thresholds.account_warn (20d) is longer than "
                          "thresholds.account_dormant (14d)"));
    CHECK(result.errors.size() == 17);
}

TEST_CASE("a repeated key inside an entry is an error, not a silent override") {
    test::temp_dir dir;
    const auto result = load_text(dir, "sites:\n"
                                       "  - id: s1\n"
                                       "    name: One\n"
                                       "    url: https://one.example.gov.cn/\n"
                                       "    url: https://two.example.gov.cn/\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.size() == 1);
    CHECK(test::has_error(result, 5, "key 'url' repeated in sites[0]"));
    REQUIRE(result.cfg.sites.size() == 1);
    CHECK(result.cfg.sites[0].url == "https://one.example.gov.cn/");
}

TEST_CASE("a site without required keys and a column with a bad category") {
    test::temp_dir dir;
    const auto result = load_text(dir, "sites:\n"
                                       "  - id: s1\n" // 2
                                       "    columns:\n"
                                       "      - {name: 要闻, url: https://a.example.gov.cn/yw/, "
                                       "category: sports}\n"      // 4
                                       "      - {name: 公告}\n"); // 5
    INFO(test::all_errors(result));
    CHECK(test::has_error(result, 2, "site 's1' has no name"));
    CHECK(test::has_error(result, 2, "site 's1' has no url"));
    CHECK(test::has_error(result, 4, "unknown column category 'sports'"));
    CHECK(test::has_error(result, 5, "column '公告' has no url"));
    CHECK(test::has_error(result, 5, "column '公告' has no category"));
    CHECK(result.errors.size() == 5);
}

TEST_CASE("a site level is one of the four the report groups by") {
    test::temp_dir dir;
    const auto result = load_text(dir, "sites:\n"
                                       "  - {id: s1, name: One, url: https://one.example.gov.cn/, "
                                       "level: 市级}\n"
                                       "  - {id: s2, name: Two, url: https://two.example.gov.cn/, "
                                       "level: province}\n"); // 3
    INFO(test::all_errors(result));
    REQUIRE(result.errors.size() == 1);
    CHECK(test::has_error(result, 3, "unknown site level 'province'"));
    REQUIRE(!result.cfg.sites.empty());
    CHECK(result.cfg.sites[0].level == "市级");
}

TEST_CASE("the sub-host and target-page crawl keys are checked like the others") {
    test::temp_dir dir;
    const auto result = load_text(dir, "crawl:\n"
                                       "  subhost: true\n"         // 2
                                       "  target_pages_read: -1\n" // 3
                                       "sites:\n"
                                       "  - id: s1\n"
                                       "    name: Site One\n"
                                       "    url: https://www.hubei.gov.cn/\n"
                                       "    crawl_subhosts: maybe\n" // 8
                                       "    crawl_subhost: true\n"); // 9
    INFO(test::all_errors(result));
    CHECK(test::has_error(result, 2, "unknown key 'subhost' in crawl (did you mean 'subhosts'?)"));
    CHECK(test::has_error(result, 3, "crawl.target_pages_read: must be at least 0"));
    CHECK(test::has_error(result, 8, "expected true or false, got 'maybe'"));
    CHECK(test::has_error(result, 9, "unknown key 'crawl_subhost'"));
    CHECK(result.errors.size() == 4);
}

TEST_CASE("alerts: '*' is not a unit id, and smtp_url carries no password") {
    test::temp_dir dir;
    const auto result = load_text(dir, R"(alerts:
  smtp_url: smtp://govmon:secret@127.0.0.1:25
  from: govmon@example.gov.cn
units:
  - {id: '*', name: 全部}
)");
    INFO(test::all_errors(result));
    CHECK(test::has_error(result, 2, "must not hold a user or password"));
    CHECK(test::has_error(result, 5, "'*' is reserved"));
}

TEST_CASE("a bad line of a local wrong-forms list is an error at that list's line") {
    test::temp_dir dir;
    const std::string list = dir.write("names.txt", "# local names\n"
                                                    "wrong | 攻府 | 政府 | | 铜川\n"
                                                    "outdated | 旧局 | 新局 | soon | x\n");
    const auto result = load_text(dir, "content:\n  rules: [names.txt]\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].file == list);
    CHECK(result.errors[0].line == 3);
    CHECK(result.errors[0].message.find("ENDED") != std::string::npos);
    CHECK(load_text(dir, "content:\n  rules: [missing.txt]\n").errors.size() == 1);
}
