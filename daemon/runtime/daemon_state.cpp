#include "daemon_state.hpp"

#include "daemon/common/time_zone.hpp"

#include <algorithm>

namespace govmon {

asio::awaitable<void> publish_findings_counts(daemon_state& state) {
    if (!state.findings_changed)
        co_return;
    // Cleared first: a job that changes findings while the count runs asks for the next one.
    state.findings_changed = false;
    try {
        state.stats.set_findings(
            co_await state.db.run([](store& db) { return db.open_finding_counts(); }));
    } catch (const store_error& e) {
        state.findings_changed = true;
        state.stats.count_store_error();
        state.log->error("store: cannot count findings: {}", e.what());
    }
}

void start_rounds(daemon_state& state) {
    state.round_pending.clear();
    for (const auto& [key, entry] : state.schedule)
        state.round_pending[key.second].insert(key.first);
}

std::int64_t reschedule_after_crash(scheduled_probe& entry, std::int64_t now) {
    constexpr std::int64_t first_retry = 30;
    constexpr std::int64_t longest_retry = 3600;
    const int doublings = std::min(entry.crashes, 7);
    entry.next_due = now + std::min(first_retry << doublings, longest_retry);
    ++entry.crashes;
    return entry.next_due;
}

void note_job_crash(daemon_state& state, const schedule_key& key, std::exception_ptr error,
                    std::int64_t now) {
    std::string what = "unknown exception";
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
    }
    state.stats.count_degraded(degraded_mode::job_crashed);
    std::int64_t retry_at = 0;
    if (auto it = state.schedule.find(key); it != state.schedule.end()) {
        retry_at = reschedule_after_crash(it->second, now);
        it->second.in_flight = false;
    }
    state.log->error("job target={} probe={} crashed: {}; retried at {}", key.first,
                     name_of(key.second), what, format_iso8601(retry_at));
    ++state.failed_writes;
}

void complete_probe(daemon_state& state, const schedule_key& key, std::int64_t next_due,
                    std::int64_t now) {
    if (auto it = state.schedule.find(key); it != state.schedule.end()) {
        it->second.next_due = next_due;
        it->second.in_flight = false;
        it->second.crashes = 0;
    }
    auto& pending = state.round_pending[key.second];
    pending.erase(key.first);
    if (!pending.empty())
        return;
    state.stats.cycle_finished(std::string(schedule_name_of(key.second)), now);
    if (key.second == probe_kind::crawl)
        state.external_links.clear();
    if (key.second == probe_kind::account)
        state.post_links.clear();
    for (const auto& [k, entry] : state.schedule)
        if (k.second == key.second)
            pending.insert(k.first);
}

} // namespace govmon
