#include "daemon_state.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace govmon {

std::string schedule_name_of(const std::string& probe) {
    return probe == "account" ? "accounts" : probe;
}

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
        spdlog::error("store: cannot count findings: {}", e.what());
    }
}

void start_rounds(daemon_state& state) {
    state.round_pending.clear();
    for (const auto& [key, entry] : state.schedule)
        state.round_pending[schedule_name_of(key.second)].insert(key.first);
}

std::int64_t reschedule_after_crash(scheduled_probe& entry, std::int64_t now) {
    constexpr std::int64_t first_retry = 30;
    constexpr std::int64_t longest_retry = 3600;
    const int doublings = std::min(entry.crashes, 7);
    entry.next_due = now + std::min(first_retry << doublings, longest_retry);
    ++entry.crashes;
    return entry.next_due;
}

void complete_probe(daemon_state& state, const schedule_key& key, std::int64_t next_due,
                    std::int64_t now) {
    if (auto it = state.schedule.find(key); it != state.schedule.end()) {
        it->second.next_due = next_due;
        it->second.in_flight = false;
        it->second.crashes = 0;
    }
    const std::string schedule = schedule_name_of(key.second);
    auto& pending = state.round_pending[schedule];
    pending.erase(key.first);
    if (!pending.empty())
        return;
    state.stats.cycle_finished(schedule, now);
    if (schedule == "crawl")
        state.external_links.clear();
    if (schedule == "accounts")
        state.post_links.clear();
    for (const auto& [k, entry] : state.schedule)
        if (k.second == key.second)
            pending.insert(k.first);
}

} // namespace govmon
