#pragma once

#include "daemon/runtime/daemon_state.hpp"
#include "probes/http/net.hpp"

namespace govmon {

// Probes one account (through its feed, the bridge, Weibo's API or its app page), records the
// observation, updates its findings and metrics in one store transaction, and schedules the
// next probe. Holds the account's platform gate while it probes.
asio::awaitable<void> run_account_job(daemon_state& state, account_config account);

} // namespace govmon
