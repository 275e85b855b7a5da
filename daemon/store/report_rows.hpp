#pragma once

#include "daemon/findings/finding.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// The rows the store reads for a report: plain values, so that the report model is tested
// without a database.
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

} // namespace govmon
