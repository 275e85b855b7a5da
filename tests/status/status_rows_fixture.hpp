#pragma once

#include "daemon/store/status_rows.hpp"

#include <cstdint>
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

} // namespace govmon::test
