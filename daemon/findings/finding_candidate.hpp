#pragma once

#include <string>
#include <vector>

namespace govmon {

// A problem a rule sees now, before it is matched against the findings already stored.
struct finding_candidate {
    std::string kind;
    std::string indicator;
    std::string severity; // veto, deduct, warn
    std::string url;
    std::string source;
    std::string detail;
};

// What one rule concluded about one target. Kinds in `judged` that have no candidate are
// resolved; kinds the rule could not judge (the probe never got far enough) are left as they
// are, so that an unreachable host neither fakes nor hides a certificate problem.
struct rule_verdict {
    std::vector<std::string> judged;
    std::vector<finding_candidate> candidates;
};

} // namespace govmon
