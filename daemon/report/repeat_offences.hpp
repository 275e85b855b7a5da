#pragma once

// 多次被通报: which targets keep having the same kind of problem. Read from the findings'
// histories alone, so that the quarterly report can name them.

#include "daemon/common/time_zone.hpp"
#include "daemon/store/report_rows.hpp"

#include <string>
#include <vector>

namespace govmon {

struct repeat_key {
    std::string target;
    std::string target_kind;
    std::string unit;
    finding_kind kind = finding_kind::site_unreachable;
    bool previous_quarter = false; // a problem of the kind at both quarters' ends
    int reopened = 0;              // veto or deduct findings of the kind reopened in `quarter`
};

// The (target, kind) pairs that were a veto or deduct problem at the end of `previous` and
// again at the end of `quarter`, or that were reopened as one within `quarter`; ordered by
// target kind, target, kind.
std::vector<repeat_key> find_repeat_offences(const std::vector<finding_history>& findings,
                                             time_range quarter, time_range previous);

} // namespace govmon
