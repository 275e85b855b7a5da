#include "job_recording.hpp"

#include <spdlog/spdlog.h>

namespace govmon {
namespace {

bool has_open_veto(const std::vector<finding>& findings) {
    for (const finding& f : findings)
        if (f.status == finding_status::open && f.severity == finding_severity::veto)
            return true;
    return false;
}

} // namespace

observation observation_head(const std::string& target, const std::string& target_kind,
                             const std::string& probe, const std::string& url,
                             std::int64_t started) {
    observation o;
    o.time = started;
    o.target = target;
    o.target_kind = target_kind;
    o.probe = probe;
    o.url = url;
    return o;
}

bool write_with_findings(daemon_state& state, const target_identity& target,
                         const rule_verdict& verdict, write_batch batch, std::int64_t now) {
    lifecycle_changes changes = apply_verdict(target, verdict, state.db.findings_of(target.id), now);
    for (const finding_event& e : changes.events)
        spdlog::info("finding target={} id={} event={} severity={} detail=\"{}\"", target.id,
                     e.finding_id, name_of(e.event), name_of(e.severity), e.detail);
    batch.findings = std::move(changes.upserts);
    batch.events = std::move(changes.events);
    state.db.write(batch);
    state.findings_changed = true;
    return has_open_veto(state.db.findings_of(target.id));
}

void note_store_failure(daemon_state& state, const std::string& target, const std::string& probe,
                        const store_error& error) {
    ++state.failed_writes;
    state.stats.count_store_error();
    spdlog::error("store target={} probe={}: {}", target, probe, error.what());
}

} // namespace govmon
