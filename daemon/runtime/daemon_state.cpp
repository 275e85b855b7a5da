#include "daemon_state.hpp"

namespace govmon {

std::string schedule_name_of(const std::string& probe) {
    return probe == "account" ? "accounts" : probe;
}

void start_rounds(daemon_state& state) {
    state.round_pending.clear();
    for (const auto& [key, entry] : state.schedule)
        state.round_pending[schedule_name_of(key.second)].insert(key.first);
}

void complete_probe(daemon_state& state, const schedule_key& key, std::int64_t next_due,
                    std::int64_t now) {
    if (auto it = state.schedule.find(key); it != state.schedule.end()) {
        it->second.next_due = next_due;
        it->second.in_flight = false;
    }
    const std::string schedule = schedule_name_of(key.second);
    auto& pending = state.round_pending[schedule];
    pending.erase(key.first);
    if (!pending.empty())
        return;
    state.stats.cycle_finished(schedule, now);
    for (const auto& [k, entry] : state.schedule)
        if (k.second == key.second)
            pending.insert(k.first);
}

} // namespace govmon
