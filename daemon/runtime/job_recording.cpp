#include "job_recording.hpp"

namespace govmon {
namespace {

bool has_open_veto(const std::vector<finding>& findings) {
    for (const finding& f : findings)
        if (f.status == finding_status::open && f.severity == finding_severity::veto)
            return true;
    return false;
}

struct recorded_verdict {
    std::vector<finding_event> events;
    bool failing = false;
};

// Runs on the store's thread.
recorded_verdict record_verdict(store& db, const target_identity& target,
                                const rule_verdict& verdict, write_batch& batch, std::int64_t now) {
    lifecycle_changes changes = apply_verdict(target, verdict, db.findings_of(target.id), now);
    batch.findings = std::move(changes.upserts);
    batch.events = changes.events;
    db.write(batch);
    return {std::move(changes.events), has_open_veto(db.findings_of(target.id))};
}

} // namespace

observation observation_head(const std::string& target, const std::string& target_kind,
                             probe_kind probe, const std::string& url, std::int64_t started) {
    observation o;
    o.time = started;
    o.target = target;
    o.target_kind = target_kind;
    o.probe = probe_name(probe);
    o.url = url;
    return o;
}

asio::awaitable<bool> write_with_findings(daemon_state& state, const target_identity& target,
                                          const rule_verdict& verdict, write_batch batch,
                                          std::int64_t now) {
    const recorded_verdict recorded = co_await state.db.run(
        [&](store& db) { return record_verdict(db, target, verdict, batch, now); });
    for (const finding_event& e : recorded.events)
        state.log->info("finding target={} id={} event={} severity={} detail=\"{}\"", target.id,
                        e.finding_id, name_of(e.event), name_of(e.severity), e.detail);
    state.findings_changed = true;
    co_return recorded.failing;
}

void note_store_failure(daemon_state& state, const std::string& target, probe_kind probe,
                        const store_error& error) {
    ++state.failed_writes;
    state.stats.count_store_error();
    state.log->error("store target={} probe={}: {}", target, name_of(probe), error.what());
}

void note_worker_failures(daemon_state& state, const std::string& site,
                          const std::vector<std::string>& errors) {
    for (const std::string& error : errors) {
        state.stats.count_degraded(degraded_mode::crawl_worker_failed);
        state.log->error("crawl target={}: a crawl worker failed: {}", site, error);
    }
}

} // namespace govmon
