#include "daemon/report/repeat_offences.hpp"

#include "daemon/report/finding_state.hpp"

#include <map>
#include <tuple>

namespace govmon {
namespace {

bool is_problem(finding_severity severity) {
    return severity == finding_severity::veto || severity == finding_severity::deduct;
}

bool problem_at(const finding_history& h, std::int64_t instant) {
    const auto state = state_before(h, instant);
    return state && is_problem(state->severity);
}

struct tally {
    repeat_key key;
    bool before = false;
    bool now = false;
};

} // namespace

std::vector<repeat_key> find_repeat_offences(const std::vector<finding_history>& findings,
                                             time_range quarter, time_range previous) {
    std::map<std::tuple<std::string, std::string, finding_kind>, tally> pairs;
    for (const finding_history& h : findings) {
        const finding& f = h.current;
        tally& t = pairs[{f.target_kind, f.target, f.kind}];
        t.key.target = f.target;
        t.key.target_kind = f.target_kind;
        t.key.unit = f.unit;
        t.key.kind = f.kind;
        t.before = t.before || problem_at(h, previous.to);
        t.now = t.now || problem_at(h, quarter.to);
        for (const finding_event& e : h.events)
            if (e.event == finding_change::reopened && is_problem(e.severity) &&
                e.time >= quarter.from && e.time < quarter.to)
                ++t.key.reopened;
    }
    std::vector<repeat_key> repeats;
    for (auto& [where, t] : pairs) {
        t.key.previous_quarter = t.before && t.now;
        if (t.key.previous_quarter || t.key.reopened > 0)
            repeats.push_back(std::move(t.key));
    }
    return repeats;
}

} // namespace govmon
