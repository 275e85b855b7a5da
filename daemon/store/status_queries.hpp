#pragma once

#include "daemon/store/status_rows.hpp"

#include <functional>
#include <string>

namespace govmon {

// How many of each target's newest availability, crawl and account observations the status
// page shows: its last probes and the freshness history of its newest item dates.
inline constexpr int status_probe_history = 8;

// Reads what the status page shows, on a read-only connection of its own opened for this call:
// the page is served on the exposer's threads while the daemon writes on its store thread, and
// WAL lets this reader go on without waiting for that writer. Probes are read only of the
// targets `shown` accepts (every target without it): a unit's page reads its own. Throws
// store_error.
status_rows read_status_rows(const std::string& database,
                             const std::function<bool(const target_row&)>& shown = {},
                             int probe_history = status_probe_history);

} // namespace govmon
