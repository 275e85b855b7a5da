#pragma once

#include "daemon/common/finding_kind.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

using duration = std::chrono::milliseconds;

// Where a value came from, so that later checks (and SIGHUP reloads) can still say FILE:LINE.
struct source_location {
    std::string file;
    int line = 0;
};

struct metrics_config {
    std::string listen = "127.0.0.1:9464";
};

struct schedule_config {
    duration availability_every = std::chrono::hours(1);
    duration crawl_every = std::chrono::hours(24);
    duration accounts_every = std::chrono::hours(6);
    double jitter = 0.10; // share of the interval, 0..1
};

struct http_config {
    std::string user_agent = "govmon/1.0";
    duration timeout = std::chrono::seconds(15);
    duration connect_timeout = std::chrono::seconds(5);
    std::uint64_t max_body = 8ull << 20;
    int concurrency = 64;
    int per_host = 2;
    duration per_host_delay = std::chrono::milliseconds(250);
    int retries = 2;
    // "host" or "host:port" -> addresses (YAML: one address or a list). Addresses written here
    // are the operator's own choice, so allow_private never refuses them.
    std::map<std::string, std::vector<std::string>> resolve;
    bool allow_private = false;
    // Hosts that may resolve to private addresses even when allow_private is false (an
    // intranet portal registered on purpose). YAML key http.allow_private_hosts.
    std::vector<std::string> allow_private_hosts;
    std::string ca_file; // empty: the system trust store
};

struct crawl_config {
    int max_pages = 5000;
    int max_depth = 6;
    bool check_external = true;
    bool respect_robots = true;
    std::vector<std::string> exclude; // ECMAScript regular expressions on absolute URLs
    bool subhosts = false;            // crawl the other hosts of each site's domain too
    int target_pages_read = 200;      // external pages per crawl read for illicit vocabulary
    // Home and column pages that show no dated item are rendered by a headless browser:
    // "auto" when one is installed, "always" (a browser is required: the config is refused
    // without one), "never".
    std::string render = "auto";
    duration render_timeout = std::chrono::seconds(20); // per page; the browser is then killed
    int render_concurrency = 2;                         // browsers at once, all sites
    std::string browser; // path or name; empty: chromium, then chromium-browser on PATH
};

struct column_thresholds {
    duration news = std::chrono::hours(24 * 14);
    duration notice = std::chrono::hours(24 * 183);
    duration personnel = std::chrono::hours(24 * 365);
};

// "At least `count` posts within `within`" (贵阳: 每周不少于2次); fewer is an account_stale
// warning.
struct posting_rule {
    int count = 1;
    duration within = std::chrono::hours(24 * 7);
};

// An account's freshness thresholds where they differ from `thresholds:` (per platform, per
// account); unset: inherited.
struct account_freshness {
    std::optional<duration> warn;
    std::optional<duration> dormant;
    std::optional<posting_rule> min_posts;
    source_location where; // the first of these keys, for errors found once all is read
};

// Every threshold of spec/indicators.md; the defaults are its figures.
struct thresholds_config {
    duration homepage_stale = std::chrono::hours(24 * 14);
    duration homepage_warn = std::chrono::hours(24 * 10);
    int homepage_min_items = 10; // new dated home-page items within homepage_stale
    column_thresholds column_stale;
    int stale_columns_veto = 5;      // stale news and notice columns that make the veto
    int stale_columns_all_veto = 10; // stale columns of any category that make the veto
    int blank_columns_veto = 5;
    duration account_warn = std::chrono::hours(24 * 7);
    duration account_dormant = std::chrono::hours(24 * 14);
    std::optional<duration> account_video_warn; // unset: account_dormant (every two weeks)
    std::optional<posting_rule> account_min_posts;
    double unreachable_ratio = 0.05;
    double unreachable_warn_ratio = 0.03;
    duration availability_window = std::chrono::hours(24 * 7);
    int unreachable_min_probes = 20; // fewer visits in the window give at most a warning
    duration tls_expiry_warn = std::chrono::hours(24 * 14);
};

struct ads_config {
    std::vector<std::string> rules;
    std::vector<std::string> keywords{"广告", "推广", "赞助"};
};

// Local wrong-forms lists (content-rules/misstatements.txt's format) added to the shipped one.
struct content_config {
    std::vector<std::string> rules;
};

struct bridges_config {
    std::string rsshub;
};

// Politeness per platform, on top of the HTTP client's per-host gates: a province's thousands
// of accounts on one platform must not get the daemon blocked.
struct platform_config {
    std::string api;
    std::optional<duration> per_host_delay; // pause between two probes of this platform
    int concurrency = 0;                    // probes of this platform in flight; 0: no limit
    account_freshness freshness;            // its accounts' thresholds
};

struct alerts_config {
    std::string smtp_url;
    std::string from;
    std::vector<std::string> to;
    duration digest_every = std::chrono::hours(24);
    // First pause after a failed delivery; doubles per attempt up to an hour.
    duration retry_after = std::chrono::seconds(30);
    // How long `run --once` may go on delivering after its cycle; what is not sent by then
    // stays queued for the next run.
    duration once_wait = std::chrono::seconds(60);
    // A file holding the SMTP user on its first line and the password on its second (mode
    // 0600, or a systemd credential); GOVMON_SMTP_USER/GOVMON_SMTP_PASSWORD take precedence.
    std::string credentials_file;
    // Who gets each mail (veto, warning, recovery, digest, escalation): contact roles, and
    // `owner` (the target's 责任人), `contacts` (every contact of the unit), `office`
    // (alerts.to). See contact_routing.hpp.
    std::map<std::string, std::vector<std::string>> routes{
        {"veto", {"leader", "owner"}},
        {"warning", {"leader", "owner"}},
        {"recovery", {"leader", "owner"}},
        {"digest", {"editor"}},
        {"escalation", {"supervisor", "office"}}};
};

// How long a unit has to fix (整改) a finding: to the end of the day it was found (当天), a
// number of working days after that day, or a span of calendar time.
struct rectification_deadline {
    enum class measure { same_day, working_days, span };
    measure how = measure::same_day;
    int working_days = 0;
    duration span{0};
};

// The first rule whose filters all match a veto or deduct finding gives its deadline.
struct rectification_rule {
    std::optional<finding_kind> kind;
    std::optional<finding_severity> severity;
    std::string unit;  // a unit id; empty: any
    std::string level; // a site level (省级 ...); empty: any
    rectification_deadline within;
    source_location where;
};

struct rectification_config {
    std::vector<rectification_rule> rules; // then the defaults: veto 7d, deduct 10 working days
    std::vector<int> holidays;             // day numbers (work_calendar.hpp) off work
    std::vector<int> workdays;             // make-up working days (调休上班)
};

// 信息指挥长 (leader), 信息采编员 (editor), 政策解读员 (interpreter), 内容监督员 (supervisor); a
// contact listed without a role gets every mail of the unit.
struct unit_contact {
    std::string email;
    std::string role; // leader, editor, interpreter, supervisor, or "" (any)
};

struct unit_config {
    std::string id;
    std::string name;
    std::vector<std::string> contacts; // every address of `roster`
    std::vector<unit_contact> roster;
    source_location where;
};

struct column_config {
    std::string name;
    std::string url;
    std::string category; // news, notice, personnel
};

struct site_config {
    std::string id;
    std::string name;
    std::string url;
    std::string unit;
    std::string level; // 省级, 市级, 县级, 其他, or "" (the quarterly report groups sites by it)
    std::vector<column_config> columns;
    std::optional<bool> crawl_subhosts;            // unset: crawl.subhosts
    std::vector<std::string> interaction_channels; // consultation channels; empty: discovered
    std::string interaction_elsewhere; // the site's channel is on this other platform's page
    std::string site_code;             // 网站标识码 the footer must show; empty: any
    std::string owner;                 // 责任人, a name
    std::string owner_email;
    source_location where;
};

struct account_config {
    std::string id;
    std::string name;
    std::string platform; // web weibo wechat douyin toutiao kuaishou bilibili baijiahao app feed
    std::string uid;
    std::string url;
    std::string feed;
    std::string unit;
    std::string content; // "", "text", "video", "app"
    bool active = true;  // false: 关停/注销/closed in the registry, kept but not probed
    std::string owner;   // 账号具体责任人, a name
    std::string owner_email;
    account_freshness freshness;
    source_location where;
};

struct config {
    std::string path; // the file it was loaded from
    std::string timezone = "Asia/Shanghai";
    std::string database = "/var/lib/govmon/govmon.db";
    metrics_config metrics;
    schedule_config schedule;
    http_config http;
    crawl_config crawl;
    thresholds_config thresholds;
    ads_config ads;
    content_config content;
    bridges_config bridges;
    std::map<std::string, platform_config> platforms;
    alerts_config alerts;
    rectification_config rectification;
    std::vector<unit_config> units;
    std::vector<site_config> sites;
    std::vector<account_config> accounts; // from the YAML and from every registry CSV
    std::vector<std::string> registry;    // registry paths, resolved against the config's folder
};

} // namespace govmon
