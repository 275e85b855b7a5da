#pragma once

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/finding.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// What the quarterly report is computed from: plain rows as the store reads them, so that the
// report model is tested without a database.
namespace govmon {

struct report_target {
    std::string id;
    std::string kind; // "site" or "account"
    std::string name;
    std::string platform;
    std::string unit;
    std::string url;
    bool active = true;
};

// One target's observations in one quarter.
struct observation_tally {
    std::int64_t observations = 0;
    std::int64_t availability_probes = 0;
    std::int64_t availability_ok = 0;
    std::int64_t last_check = 0; // time of the newest observation
    // Distinct last_update values of the site's availability and crawl observations, sorted.
    std::vector<std::int64_t> updates;
};

// A finding with its events, oldest first: the events say when it was open and how severe.
struct finding_history {
    finding current;
    std::vector<finding_event> events;
};

// What the store reads for one report: both quarters' tallies and every finding that existed
// before the quarter's end.
struct report_rows {
    std::vector<report_target> targets;
    std::map<std::string, observation_tally> quarter; // by target id
    std::map<std::string, observation_tally> previous;
    std::vector<finding_history> findings;
};

// From the config: what the database does not hold.
struct report_context {
    std::string quarter_name; // 2026Q3
    std::string previous_name;
    time_range quarter;
    time_range previous;
    std::int64_t generated_at = 0;
    std::map<std::string, std::string> site_levels; // site id -> 省级/市级/县级/其他
    std::map<std::string, std::string> unit_names;  // unit id -> name
};

} // namespace govmon
