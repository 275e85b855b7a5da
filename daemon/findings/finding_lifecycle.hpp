#pragma once

#include "finding.hpp"
#include "finding_candidate.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace govmon {

struct target_identity {
    std::string id;
    std::string kind; // "site" or "account"
    std::string unit;
};

struct lifecycle_changes {
    std::vector<finding> upserts;
    std::vector<finding_event> events;
};

// Matches what a rule sees now against the target's stored findings: new problems open,
// seen ones move last_seen (and keep their id when the severity changes), resolved ones
// reopen, and open findings of judged kinds that are no longer seen are resolved.
lifecycle_changes apply_verdict(const target_identity& target, const rule_verdict& verdict,
                                const std::vector<finding>& stored, std::int64_t now);

} // namespace govmon
