#pragma once

#include "daemon/findings/finding.hpp"
#include "daemon/store/store.hpp"
#include "probes/observation.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

// The rows the store reads for the status page: plain values, so that the page's model is
// tested without a database.
namespace govmon {

struct status_rows {
    std::vector<target_row> targets; // the active ones, by id
    std::vector<finding> findings;   // the open ones, by target, kind, url
    std::vector<observation> probes; // per target and probe the newest few, newest first
    // Finding id → when it took its current severity: where its rectification deadline counts
    // from (store::severity_since).
    std::map<std::string, std::int64_t> severity_since;
};

} // namespace govmon
