#pragma once

#include "daemon/config/config.hpp"

#include <spdlog/logger.h>

#include <memory>

namespace govmon {

class filter_engine;
class metrics;

// The ad rules of a config: the shipped list, the config's lists, and EasyList when Debian's
// uBlock Origin package is installed. A list that cannot be read is a degraded mode (a log line
// and ad_list_unreadable): the config loader already checked the configured ones exist, and
// the other lists still apply. The installed copy of the shipped list (the .deb's config names
// it) is not loaded a second time.
std::shared_ptr<const filter_engine> ad_rules_of(const config& cfg, metrics& stats,
                                                 spdlog::logger& log);

} // namespace govmon
