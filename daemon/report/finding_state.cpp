#include "finding_state.hpp"

namespace govmon {
namespace {

std::optional<finding_state> state_without_events(const finding& f, std::int64_t instant) {
    if (f.first_seen >= instant || (f.resolved_at != 0 && f.resolved_at < instant))
        return std::nullopt;
    return finding_state{f.severity, f.first_seen, f.first_seen};
}

} // namespace

std::optional<finding_state> state_before(const finding_history& history, std::int64_t instant) {
    if (history.events.empty())
        return state_without_events(history.current, instant);
    std::optional<finding_state> state;
    for (const finding_event& e : history.events) {
        if (e.time >= instant)
            break;
        if (e.event == finding_change::opened || e.event == finding_change::reopened)
            state = finding_state{e.severity, e.time, e.time};
        else if (e.event == finding_change::resolved)
            state.reset();
        else if (e.event == finding_change::severity_changed && state &&
                 state->severity != e.severity)
            state = finding_state{e.severity, state->open_since, e.time};
    }
    return state;
}

std::optional<std::int64_t> resolved_between(const finding_history& history, std::int64_t from,
                                             std::int64_t to) {
    if (history.events.empty()) {
        const std::int64_t at = history.current.resolved_at;
        return at != 0 && at >= from && at < to ? std::optional{at} : std::nullopt;
    }
    for (const finding_event& e : history.events)
        if (e.event == finding_change::resolved && e.time >= from && e.time < to)
            return e.time;
    return std::nullopt;
}

} // namespace govmon
