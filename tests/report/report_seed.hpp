#pragma once

// Two quarters (2026Q2, 2026Q3) of a small province written through the store's public API,
// with figures worked out by hand in report_golden_test.cpp.

#include "daemon/common/time_zone.hpp"
#include "daemon/store/store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace govmon::test {

// Noon on a day of the process zone, plus `hours`.
inline std::int64_t day(const char* yyyy_mm_dd, int hours = 12) {
    return *parse_local_date(yyyy_mm_dd) + hours * 3600;
}

inline observation probe(const std::string& target, const std::string& kind,
                         const std::string& probe_name, std::int64_t time, bool ok = true) {
    observation o;
    o.time = time;
    o.target = target;
    o.target_kind = kind;
    o.probe = probe_name;
    o.url = "https://" + target + ".example.gov.cn/";
    o.ok = ok;
    o.http_status = ok ? 200 : 503;
    o.latency_ms = 120;
    o.error = ok ? error_class::none : error_class::http;
    return o;
}

struct seeded_finding {
    finding row; // as the table holds it now
    std::vector<finding_event> events;
};

class province_seed {
public:
    explicit province_seed(const std::string& path) : db_(store::open(path)) {}

    void targets() {
        db_->sync_targets({
            site("s-prov", "省政府门户网站", "https://www.prov.gov.cn/", "u-prov"),
            site("s-city", "市政府门户网站", "https://www.city.gov.cn/", "u-city"),
            site("s-county", "县政府<网站> & \"门户\"", "https://www.county.gov.cn/", "u-county"),
            site("s-low", "低分县网站|试点", "https://low.gov.cn/", "u-county"),
            site("s-quiet", "未检查市网站", "https://quiet.gov.cn/", "u-city"),
            account("a-weibo1", "微博一号", "weibo"),
            account("a-weibo2", "微博二号", "weibo"),
            account("a-wechat1", "微信一号", "wechat"),
            account("a-wechat2", "微信二号", "wechat"),
            account("a-douyin", "抖音号", "douyin"),
            closed_account(),
        });
    }

    void observations() {
        std::vector<observation> rows;
        // 2026Q2: every target except the closed account is checked once.
        for (const char* s : {"s-prov", "s-city", "s-county", "s-low", "s-quiet"})
            rows.push_back(probe(s, "site", "availability", day("2026-05-10")));
        for (const char* a : {"a-weibo1", "a-weibo2", "a-wechat1", "a-wechat2", "a-douyin"})
            rows.push_back(probe(a, "account", "account", day("2026-05-10")));
        // 2026Q3: s-prov has 10 home-page probes, one failed (90.00 %).
        for (int i = 0; i < 10; ++i)
            rows.push_back(
                probe("s-prov", "site", "availability", day("2026-09-19") + i * 86400, i != 3));
        // Home-page updates seen by crawls: Jul 1, Jul 20 (twice), Sep 25; the last check is
        // the availability probe of Sep 28 noon.
        rows.push_back(updated(probe("s-prov", "site", "crawl", day("2026-07-02")), "2026-07-01"));
        rows.push_back(updated(probe("s-prov", "site", "crawl", day("2026-07-21")), "2026-07-20"));
        rows.push_back(updated(probe("s-prov", "site", "crawl", day("2026-07-22")), "2026-07-20"));
        rows.push_back(updated(probe("s-prov", "site", "crawl", day("2026-09-26")), "2026-09-25"));
        // A column's date is not the site's update.
        rows.push_back(updated(probe("s-prov", "site", "column", day("2026-09-27")), "2026-09-27"));
        for (int i = 0; i < 4; ++i) {
            rows.push_back(probe("s-city", "site", "availability", day("2026-08-01") + i * 3600));
            rows.push_back(
                probe("s-county", "site", "availability", day("2026-08-01") + i * 3600, i < 2));
        }
        rows.push_back(probe("s-low", "site", "availability", day("2026-08-02")));
        rows.push_back(probe("s-low", "site", "availability", day("2026-08-03")));
        for (const char* a : {"a-weibo1", "a-weibo2", "a-wechat1", "a-wechat2"}) {
            rows.push_back(probe(a, "account", "account", day("2026-08-05")));
            rows.push_back(probe(a, "account", "account", day("2026-09-05")));
        }
        // After the quarter: must not count.
        rows.push_back(probe("s-quiet", "site", "availability", day("2026-10-02")));
        write_batch b;
        b.observations = std::move(rows);
        db_->write(b);
    }

    void findings() {
        // s-prov: an early warning in Q2 that became a veto on Sep 20; a home-page broken link
        // open since May.
        add(make("s-prov", "site", "homepage_stale", "https://www.prov.gov.cn/", "", "warn",
                 "newest item 2026-09-05, 15 days ago"),
            {{"opened", "2026-06-20", "warn"}, {"severity_changed", "2026-09-20", "veto"}});
        add(make("s-prov", "site", "broken_link", "https://www.prov.gov.cn/gone.html",
                 "https://www.prov.gov.cn/", "deduct", "HTTP 404 (on 1 page)"),
            {{"opened", "2026-05-01", "deduct"}});
        // s-city: unreachable at the end of Q2, fixed on Jul 15; a certificate warning; a stale
        // home page that turns into a veto only after the quarter.
        add(make("s-city", "site", "site_unreachable", "https://www.city.gov.cn/", "", "veto",
                 "9 of 120 probes failed"),
            {{"opened", "2026-06-10", "veto"}, {"resolved", "2026-07-15", "veto"}});
        add(make("s-city", "site", "tls_invalid", "https://www.city.gov.cn/", "", "warn",
                 "certificate expires 2026-10-10"),
            {{"opened", "2026-08-01", "warn"}});
        add(make("s-city", "site", "homepage_stale", "https://www.city.gov.cn/", "", "veto",
                 "newest item 2026-09-12"),
            {{"opened", "2026-09-25", "warn"}, {"severity_changed", "2026-10-05", "veto"}});
        // s-county: a hidden link, resolved, then reopened before the quarter's end; an ad link
        // fixed within Q2.
        add(make("s-county", "site", "hidden_link", "https://casino.example.com/",
                 "https://www.county.gov.cn/news/", "veto", "display:none <a> \xFF"),
            {{"opened", "2026-09-01", "veto"},
             {"resolved", "2026-09-05", "veto"},
             {"reopened", "2026-09-28", "veto"}});
        add(make("s-county", "site", "ad_link", "https://ads.example.com/x",
                 "https://www.county.gov.cn/", "deduct", "ad network"),
            {{"opened", "2026-04-10", "deduct"}, {"resolved", "2026-06-20", "deduct"}});
        // s-low: no veto, 49.5 points of deductions (score 50.5).
        add(make("s-low", "site", "homepage_low_volume", "https://low.gov.cn/", "", "deduct",
                 "3 new dated items in 14 days (fewer than 10)"),
            {{"opened", "2026-08-01", "deduct"}});
        for (int i = 0; i < 4; ++i)
            add(make("s-low", "site", "column_stale", "https://low.gov.cn/rs" + std::to_string(i),
                     "", "deduct", "人事 (personnel): newest item 2025-01-01"),
                {{"opened", "2026-08-01", "deduct"}});
        for (int i = 0; i < 2; ++i)
            add(make("s-low", "site", "column_stale", "https://low.gov.cn/tz" + std::to_string(i),
                     "", "deduct", "通知公告 (notice): newest item 2025-12-01"),
                {{"opened", "2026-08-01", "deduct"}});
        for (int i = 0; i < 3; ++i)
            add(make("s-low", "site", "blank_column", "https://low.gov.cn/k" + std::to_string(i),
                     "", "deduct", "空栏目: no items at all"),
                {{"opened", "2026-08-01", "deduct"}});
        add(make("s-low", "site", "ad_link", "https://ads.example.com/y", "https://low.gov.cn/a",
                 "deduct", "ad network"),
            {{"opened", "2026-08-01", "deduct"}});
        add(make("s-low", "site", "ipv6_missing", "https://low.gov.cn/", "", "deduct",
                 "no AAAA record"),
            {{"opened", "2026-08-01", "deduct"}});
        for (int i = 0; i < 5; ++i)
            add(make("s-low", "site", "broken_link", "https://low.gov.cn/b" + std::to_string(i),
                     "https://low.gov.cn/list.html", "deduct", "HTTP 404 (on 1 page)"),
                {{"opened", "2026-08-01", "deduct"}});
        // s-quiet: a broken link open since May, stored without events (an older database).
        finding quiet = make("s-quiet", "site", "broken_link", "https://quiet.gov.cn/x",
                             "https://quiet.gov.cn/list", "deduct", "HTTP 500 (on 1 page)");
        quiet.first_seen = day("2026-05-05");
        add(quiet, {});

        // Accounts.
        add(make("a-weibo1", "account", "account_stale", "", "", "warn", "newest post 9 days ago"),
            {{"opened", "2026-08-01", "warn"}});
        add(make("a-weibo1", "account", "account_dormant", "", "", "veto",
                 "newest post 2026-07-25, 16 days ago"),
            {{"opened", "2026-08-10", "veto"}});
        add(make("a-weibo2", "account", "account_unreachable", "", "", "veto", "HTTP 404"),
            {{"opened", "2026-06-01", "veto"}, {"resolved", "2026-06-25", "veto"}});
        add(make("a-wechat1", "account", "account_dormant", "", "", "veto",
                 "newest post 2026-05-30"),
            {{"opened", "2026-06-15", "veto"}});
        add(make("a-wechat2", "account", "ad_link", "https://ads.example.com/z", "", "deduct",
                 "ad network in a post"),
            {{"opened", "2026-07-05", "deduct"}});
        add(make("a-douyin", "account", "account_dormant", "", "", "veto",
                 "newest post 2026-04-01"),
            {{"opened", "2026-05-01", "veto"}});
    }

private:
    struct event_spec {
        const char* event;
        const char* day;
        const char* severity;
    };

    static target_row site(std::string id, std::string name, std::string url, std::string unit) {
        return {std::move(id),  "site", std::move(name), "web", std::move(unit),
                std::move(url), true};
    }
    static target_row account(std::string id, std::string name, std::string platform) {
        return {id,
                "account",
                std::move(name),
                std::move(platform),
                "u-prov",
                "https://example.com/" + id,
                true};
    }
    static target_row closed_account() {
        return {"a-closed", "account", "已关停号", "weibo", "u-prov", "https://example.com/c",
                false};
    }

    static observation updated(observation o, const char* update_day) {
        o.last_update = *parse_local_date(update_day);
        return o;
    }

    static finding make(std::string target, std::string kind_of_target, std::string kind,
                        std::string url, std::string source, std::string severity,
                        std::string detail) {
        finding f;
        f.id = target + "/" + kind + "/" + url;
        f.target = std::move(target);
        f.target_kind = std::move(kind_of_target);
        f.unit = "u";
        f.kind = *parse_finding_kind(kind);
        f.indicator = "x";
        f.severity = *parse_finding_severity(severity);
        f.url = f.target_kind == "account" && url.empty() ? "https://example.com/" + f.target : url;
        f.source = std::move(source);
        f.detail = std::move(detail);
        return f;
    }

    void add(finding f, const std::vector<event_spec>& events) {
        write_batch b;
        for (const event_spec& e : events) {
            const std::int64_t when = day(e.day);
            const finding_change change = *parse_finding_change(e.event);
            b.events.push_back({f.id, when, change, *parse_finding_severity(e.severity), f.detail});
            if (change == finding_change::opened || change == finding_change::reopened) {
                f.first_seen = when;
                f.status = finding_status::open;
                f.resolved_at = 0;
            } else if (change == finding_change::resolved) {
                f.status = finding_status::resolved;
                f.resolved_at = when;
            }
            f.last_seen = when;
        }
        b.findings.push_back(f);
        db_->write(b);
    }

    std::unique_ptr<store> db_;
};

} // namespace govmon::test
