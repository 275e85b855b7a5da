#pragma once

#include <chrono>
#include <cstdint>

namespace govmon {

// When probes run. `spread` is a number in [0, 1) drawn per decision: it scatters targets over
// the jitter window so that a province's sites are not all probed in the same second.

// A target the database has never scheduled starts within the first jitter window.
std::int64_t first_due(std::int64_t now, std::chrono::milliseconds interval, double jitter,
                       double spread);

// The next run after one that started at `started`: one interval later, give or take half
// the jitter window.
std::int64_t next_due(std::int64_t started, std::chrono::milliseconds interval, double jitter,
                      double spread);

} // namespace govmon
