#pragma once

#include "daemon/runtime/daemon_state.hpp"
#include "probes/http/net.hpp"

namespace govmon {

// Crawls one site, records the crawl and each column as observations, updates the site's link,
// ad, hidden-link and freshness findings and its metrics in one store transaction, and
// schedules the next crawl.
asio::awaitable<void> run_crawl_job(daemon_state& state, site_config site);

} // namespace govmon
