#include "daemon/status/status_model.hpp"

#include "daemon/findings/rectification_due.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace govmon {

bool on_red_list(const finding_view& f) noexcept {
    return f.severity == finding_severity::veto || f.overdue;
}

bool in_scope(const target_row& t, const status_scope& scope) noexcept {
    switch (scope.what) {
    case status_scope::level::all:
        return true;
    case status_scope::level::unit:
        return t.unit == scope.id;
    case status_scope::level::target:
        return t.id == scope.id;
    }
    return false;
}

namespace {

finding_view view_of(const finding& f, const std::string& target_name,
                     const std::map<std::string, std::int64_t>& due_dates, std::int64_t now) {
    finding_view v{f.target, target_name, f.unit,       f.kind,      f.severity,
                   f.url,    f.detail,    f.first_seen, f.last_seen, std::nullopt};
    if (const auto due = due_dates.find(f.id); due != due_dates.end()) {
        v.due = due->second;
        v.overdue = due->second <= now;
    }
    return v;
}

probe_view view_of(const observation& o) {
    return {o.probe,      o.time,        o.ok, o.http_status, std::string(to_string(o.error)),
            o.latency_ms, o.last_update, o.url};
}

// Vetoes, then deductions, then warnings; the store's order (kind, url) within each.
void order_by_severity(std::vector<finding_view>& findings) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const finding_view& a, const finding_view& b) {
                         return static_cast<int>(a.severity) < static_cast<int>(b.severity);
                     });
}

target_view view_of(const target_row& t) {
    return {t.id, t.kind, t.name, t.platform, t.unit, t.url, {}, {}, {}};
}

void add_probe(target_view& target, const observation& o) {
    probe_view p = view_of(o);
    const bool first_of_probe =
        std::none_of(target.latest.begin(), target.latest.end(),
                     [&](const probe_view& seen) { return seen.probe == p.probe; });
    if (first_of_probe)
        target.latest.push_back(p);
    target.history.push_back(std::move(p));
}

} // namespace

status_model build_status_model(const status_rows& rows,
                                const std::map<std::string, std::string>& unit_names,
                                const rectification_plan* rectification, const status_scope& scope,
                                std::int64_t now) {
    const std::map<std::string, std::int64_t> due =
        rectification ? due_dates(*rectification, rows.findings, rows.severity_since)
                      : std::map<std::string, std::int64_t>{};
    status_model model;
    model.scope = scope;
    model.generated_at = now;
    std::map<std::string, target_view> targets;
    for (const target_row& t : rows.targets)
        if (in_scope(t, scope))
            targets.emplace(t.id, view_of(t));
    for (const finding& f : rows.findings) {
        const auto it = targets.find(f.target);
        // A finding whose target has left the config is the store's, not the page's: the
        // next sync resolves it.
        if (it == targets.end())
            continue;
        it->second.findings.push_back(view_of(f, it->second.name, due, now));
    }
    for (const observation& o : rows.probes)
        if (const auto it = targets.find(o.target); it != targets.end())
            add_probe(it->second, o);

    std::map<std::string, unit_view> units;
    for (auto& [id, target] : targets) {
        order_by_severity(target.findings);
        model.open_findings += static_cast<int>(target.findings.size());
        for (const finding_view& f : target.findings)
            if (on_red_list(f))
                model.red_list.push_back(f);
        unit_view& unit = units[target.unit];
        if (unit.id.empty()) {
            unit.id = target.unit;
            const auto name = unit_names.find(target.unit);
            unit.name = name == unit_names.end() ? target.unit : name->second;
        }
        unit.targets.push_back(std::move(target));
    }
    model.targets = static_cast<int>(targets.size());
    std::stable_sort(model.red_list.begin(), model.red_list.end(),
                     [](const finding_view& a, const finding_view& b) {
                         return std::tie(a.unit, a.target) < std::tie(b.unit, b.target);
                     });
    for (auto& [id, unit] : units)
        model.units.push_back(std::move(unit));
    model.found = scope.what == status_scope::level::all || !model.units.empty();
    return model;
}

} // namespace govmon
