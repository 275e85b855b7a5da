#pragma once

#include "daemon/common/finding_kind.hpp"

#include <string>
#include <vector>

namespace govmon {

// A problem a rule sees now, before it is matched against the findings already stored.
struct finding_candidate {
    finding_kind kind;
    finding_severity severity;
    std::string url;
    std::string source;
    std::string detail;
};

// What one rule concluded about one target. Kinds in `judged` that have no candidate are
// resolved; kinds the rule could not judge (the probe never got far enough) are left as they
// are, so that an unreachable host neither fakes nor hides a certificate problem.
struct rule_verdict {
    std::vector<finding_kind> judged;
    std::vector<finding_candidate> candidates;
};

} // namespace govmon
