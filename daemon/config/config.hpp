#pragma once

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

struct thresholds_config {
    duration homepage_stale = std::chrono::hours(24 * 14);
    column_thresholds column_stale;
    duration account_warn = std::chrono::hours(24 * 7);
    duration account_dormant = std::chrono::hours(24 * 14);
    double unreachable_ratio = 0.05;
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
};

struct alerts_config {
    std::string smtp_url;
    std::string from;
    std::vector<std::string> to;
    duration digest_every = std::chrono::hours(24);
    // First pause after a failed delivery; doubles per attempt up to an hour.
    duration retry_after = std::chrono::seconds(30);
    // A file holding the SMTP user on its first line and the password on its second (mode
    // 0600, or a systemd credential); GOVMON_SMTP_USER/GOVMON_SMTP_PASSWORD take precedence.
    std::string credentials_file;
};

struct unit_config {
    std::string id;
    std::string name;
    std::vector<std::string> contacts;
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
    std::optional<bool> crawl_subhosts; // unset: crawl.subhosts
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
    std::vector<unit_config> units;
    std::vector<site_config> sites;
    std::vector<account_config> accounts; // from the YAML and from every registry CSV
    std::vector<std::string> registry;    // registry paths, resolved against the config's folder
};

} // namespace govmon
