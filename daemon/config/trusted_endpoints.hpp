#pragma once

#include "daemon/config/config.hpp"

#include <string>
#include <vector>

namespace govmon {

// "host:port" of every endpoint the config names itself: sites' url, accounts' feed and url,
// bridges.rsshub, platforms.*.api and alerts.smtp_url. The operator chose them, so
// http.allow_private never refuses them (a local RSSHub, an intranet portal) nor their
// redirects on the same host; links found on pages to other endpoints and redirects to other
// hosts stay guarded. Sorted, without duplicates.
std::vector<std::string> trusted_endpoints(const config& cfg);

} // namespace govmon
