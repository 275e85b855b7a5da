#pragma once

#include "daemon/report/report_input.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace govmon {

// A finding as it stood at one instant, rebuilt from its events: the findings table only holds
// the latest state, and an early warning that became a veto counts as a veto only from then.
struct finding_state {
    finding_severity severity = finding_severity::warn;
    std::int64_t open_since = 0;     // the opened/reopened event of this open period
    std::int64_t severity_since = 0; // the event that gave it this severity
};

// The state just before `instant` (events at `instant` or later have not happened yet), or
// nothing when the finding was not open then. A finding without events (written by hand or by
// an older govmon) is open from first_seen to resolved_at with its current severity.
std::optional<finding_state> state_before(const finding_history& history, std::int64_t instant);

// When the finding was first resolved in [from, to), or nothing.
std::optional<std::int64_t> resolved_between(const finding_history& history, std::int64_t from,
                                             std::int64_t to);

} // namespace govmon
