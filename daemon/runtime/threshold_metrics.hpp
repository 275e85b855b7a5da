#pragma once

#include "daemon/config/config.hpp"
#include "daemon/metrics/metrics.hpp"

namespace govmon {

// Exports every threshold of the config (govmon_threshold_seconds, govmon_threshold_ratio) and
// each active account's own warn and dormant periods (govmon_account_threshold_seconds), so
// that Prometheus alert rules compare against what the daemon applies. On start and reload.
void publish_thresholds(const config& cfg, metrics& stats);

} // namespace govmon
