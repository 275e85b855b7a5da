#pragma once

#include "daemon/store/alert_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace govmon {

// One mail to be written: what happened to which findings of one unit.
struct planned_alert {
    std::string kind; // veto (a finding became a veto), warning (an account about to turn
                      // dormant), recovery (a veto finding resolved)
    std::string unit;
    std::vector<finding_event_row> items;
};

// Decides which finding events are mailed at once, grouped into one mail per unit and kind.
// Everything else waits for the digest: deductions and warnings other than account_stale,
// account_blocked (the platform refusing us is not the unit's doing), and events older than
// `max_age_seconds` (a daemon that was down for days does not flood a unit with stale news).
// A change undone within the same batch (opened, then resolved) is not mailed at all.
std::vector<planned_alert> plan_alerts(const std::vector<finding_event_row>& events,
                                       std::int64_t now, std::int64_t max_age_seconds);

} // namespace govmon
