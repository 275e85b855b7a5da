#pragma once

#include "daemon/common/finding_kind.hpp"
#include "daemon/common/finding_status.hpp"

#include <cstdint>
#include <string>

namespace govmon {

// A problem that holds now (interface.md §3). `id` is stable: a hash of target, kind and url.
struct finding {
    std::string id;
    std::string target;
    std::string target_kind; // "site" or "account"
    std::string unit;
    finding_kind kind = finding_kind::site_unreachable;
    std::string indicator; // site.availability, site.tls, ... (as it was when recorded)
    finding_severity severity = finding_severity::warn;
    std::string url;
    std::string source;
    std::string detail;
    std::int64_t first_seen = 0; // UTC epoch seconds
    std::int64_t last_seen = 0;
    finding_status status = finding_status::open;
    std::int64_t resolved_at = 0; // 0 while open
};

// What happened to a finding, kept as its history.
struct finding_event {
    std::string finding_id;
    std::int64_t time = 0;
    finding_change event = finding_change::opened;
    finding_severity severity = finding_severity::warn;
    std::string detail;
};

} // namespace govmon
