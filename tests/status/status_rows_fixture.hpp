#pragma once

#include "daemon/findings/rectification_due.hpp"
#include "daemon/store/status_rows.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace govmon::test {

// A target name that tries everything an HTML page can be broken with.
inline const std::string hostile_name =
    "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'\r\n<b>县政府</b>";

inline target_row site_target(std::string id, std::string unit,
                              std::string name = "某某县人民政府") {
    return {std::move(id), "site",          std::move(name),
            "web",         std::move(unit), "https://www.example.gov.cn/",
            true};
}

inline finding open_finding(std::string target, std::string unit, finding_kind kind,
                            finding_severity severity, std::string detail) {
    finding f;
    f.id = target + "-" + std::string(name_of(kind));
    f.target = std::move(target);
    f.target_kind = "site";
    f.unit = std::move(unit);
    f.kind = kind;
    f.indicator = std::string(info_of(kind).indicator);
    f.severity = severity;
    f.url = "https://www.example.gov.cn/";
    f.source = "https://www.example.gov.cn/";
    f.detail = std::move(detail);
    f.first_seen = 1764547200; // 2025-12-01T00:00:00Z
    f.last_seen = 1764633600;
    return f;
}

inline observation probe_of(std::string target, std::string probe, std::int64_t time, bool ok,
                            std::optional<std::int64_t> newest = std::nullopt) {
    observation o;
    o.time = time;
    o.target = std::move(target);
    o.target_kind = "site";
    o.probe = std::move(probe);
    o.url = "https://www.example.gov.cn/";
    o.ok = ok;
    if (ok)
        o.http_status = 200;
    o.error = ok ? error_class::none : error_class::timeout;
    o.latency_ms = ok ? 420 : 30000;
    o.last_update = newest;
    return o;
}

// The seeds' deadlines (no `rectification:` in the config: a veto within a week, a deduction
// within 10 working days), in UTC.
inline std::shared_ptr<const rectification_plan> seed_deadlines() {
    return std::make_shared<const rectification_plan>(
        config{}, std::make_shared<const zone_rules>(zone_rules::utc()));
}

// One target's findings against the seeds' deadlines, seen at 2025-12-03T00:00Z (no holiday
// in November or December 2025):
// - a deduction open since Saturday 2025-11-01: 10 working days end with Friday 11-14, due
//   2025-11-15 00:00, overdue;
// - a deduction open since Monday 2025-12-01, due 2025-12-16 00:00;
// - a veto first seen 2025-11-20 as a warning, a veto since 2025-12-01: due 2025-12-08 00:00
//   (counted from 11-20 it would be overdue);
// - a warning, which has no deadline.
inline status_rows deadline_rows() {
    status_rows rows;
    rows.targets = {site_target("a-portal", "county-a", "甲县人民政府")};
    finding late = open_finding("a-portal", "county-a", finding_kind::broken_link,
                                finding_severity::deduct, "首页链接 /old.html 返回 HTTP 404");
    late.first_seen = 1761955200; // 2025-11-01T00:00:00Z
    finding fresh = open_finding("a-portal", "county-a", finding_kind::column_stale,
                                 finding_severity::deduct, "栏目“通知公告”最新信息 2025-09-01");
    finding veto = open_finding("a-portal", "county-a", finding_kind::site_unreachable,
                                finding_severity::veto, "七天内失败比例 8%");
    veto.first_seen = 1763596800; // 2025-11-20T00:00:00Z
    finding warning = open_finding("a-portal", "county-a", finding_kind::tls_invalid,
                                   finding_severity::warn, "证书 2025-12-20 到期");
    rows.severity_since = {{late.id, late.first_seen}, {veto.id, 1764547200}};
    rows.findings = {late, fresh, veto, warning};
    return rows;
}

} // namespace govmon::test
