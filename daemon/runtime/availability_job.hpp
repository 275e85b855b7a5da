#pragma once

#include "daemon/runtime/daemon_state.hpp"
#include "probes/http/net.hpp"

namespace govmon {

// Probes one site's home page, records the observation, updates its findings and metrics in
// one store transaction, and schedules the next probe. Never throws for network or store
// problems: they become an observation with an error class, or a log line and a counter.
asio::awaitable<void> run_availability_job(daemon_state& state, site_config site);

} // namespace govmon
