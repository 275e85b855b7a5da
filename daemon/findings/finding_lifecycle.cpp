#include "finding_lifecycle.hpp"

#include "finding_id.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace govmon {
namespace {

finding open_new(const target_identity& target, const finding_candidate& c, std::string id,
                 std::int64_t now) {
    finding f;
    f.id = std::move(id);
    f.target = target.id;
    f.target_kind = target.kind;
    f.unit = target.unit;
    f.kind = c.kind;
    f.indicator = std::string(info_of(c.kind).indicator);
    f.severity = c.severity;
    f.url = c.url;
    f.source = c.source;
    f.detail = c.detail;
    f.first_seen = now;
    f.last_seen = now;
    return f;
}

void refresh(finding& f, const target_identity& target, const finding_candidate& c,
             std::int64_t now) {
    f.unit = target.unit;
    f.indicator = std::string(info_of(c.kind).indicator);
    f.severity = c.severity;
    f.source = c.source;
    f.detail = c.detail;
    f.last_seen = now;
}

} // namespace

lifecycle_changes apply_verdict(const target_identity& target, const rule_verdict& verdict,
                                const std::vector<finding>& stored, std::int64_t now) {
    lifecycle_changes changes;
    std::map<std::string, const finding*> by_id;
    for (const finding& f : stored)
        by_id.emplace(f.id, &f);

    std::set<std::string> seen_ids;
    for (const finding_candidate& c : verdict.candidates) {
        std::string id = finding_id(target.id, c.kind, c.url);
        if (!seen_ids.insert(id).second)
            continue;
        auto existing = by_id.find(id);
        if (existing == by_id.end()) {
            changes.upserts.push_back(open_new(target, c, id, now));
            changes.events.push_back({id, now, finding_change::opened, c.severity, c.detail});
            continue;
        }
        finding f = *existing->second;
        if (f.status != finding_status::open) {
            f.status = finding_status::open;
            f.first_seen = now;
            f.resolved_at = 0;
            changes.events.push_back({id, now, finding_change::reopened, c.severity, c.detail});
        } else if (f.severity != c.severity) {
            changes.events.push_back(
                {id, now, finding_change::severity_changed, c.severity, c.detail});
        }
        refresh(f, target, c, now);
        changes.upserts.push_back(std::move(f));
    }

    for (const finding& f : stored) {
        const bool judged =
            std::find(verdict.judged.begin(), verdict.judged.end(), f.kind) != verdict.judged.end();
        if (f.status != finding_status::open || !judged || seen_ids.count(f.id))
            continue;
        finding resolved = f;
        resolved.status = finding_status::resolved;
        resolved.resolved_at = now;
        changes.events.push_back(
            {f.id, now, finding_change::resolved, f.severity, "no longer seen"});
        changes.upserts.push_back(std::move(resolved));
    }
    return changes;
}

} // namespace govmon
