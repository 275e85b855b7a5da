#include "daemon/alerts/alert_planner.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace govmon {
namespace {

bool opens(const finding_event& e) {
    return e.event == finding_change::opened || e.event == finding_change::reopened ||
           e.event == finding_change::severity_changed;
}

std::optional<std::string> alert_kind_of(const finding_event_row& row) {
    const finding_event& e = row.event;
    if (row.current.kind == finding_kind::account_blocked)
        return std::nullopt;
    if (opens(e) && e.severity == finding_severity::veto)
        return "veto";
    if ((e.event == finding_change::opened || e.event == finding_change::reopened) &&
        row.current.kind == finding_kind::account_stale)
        return "warning";
    if (e.event == finding_change::resolved && e.severity == finding_severity::veto)
        return "recovery";
    return std::nullopt;
}

struct classified {
    std::string kind;
    const finding_event_row* row;
    bool dropped = false;
};

} // namespace

std::vector<planned_alert> plan_alerts(const std::vector<finding_event_row>& events,
                                       std::int64_t now, std::int64_t max_age_seconds) {
    std::vector<classified> items;
    // The items that announced each finding's problem in this batch, all undone by a
    // resolution later in the same batch.
    std::map<std::string, std::vector<std::size_t>> announced;
    for (const finding_event_row& row : events) {
        const std::string& id = row.event.finding_id;
        if (row.event.event == finding_change::resolved)
            if (auto it = announced.find(id); it != announced.end()) {
                for (std::size_t index : it->second)
                    items[index].dropped = true;
                announced.erase(it);
                continue;
            }
        if (row.event.time < now - max_age_seconds)
            continue;
        auto kind = alert_kind_of(row);
        if (!kind)
            continue;
        if (*kind != "recovery")
            announced[id].push_back(items.size());
        items.push_back({*kind, &row});
    }

    std::vector<planned_alert> plans;
    std::map<std::pair<std::string, std::string>, std::size_t> by_unit_and_kind;
    for (const classified& c : items) {
        if (c.dropped)
            continue;
        const std::string& unit = c.row->current.unit;
        auto [it, inserted] = by_unit_and_kind.try_emplace({unit, c.kind}, plans.size());
        if (inserted)
            plans.push_back({c.kind, unit, {}});
        plans[it->second].items.push_back(*c.row);
    }
    return plans;
}

} // namespace govmon
