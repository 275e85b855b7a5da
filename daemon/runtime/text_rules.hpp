#pragma once

#include "daemon/config/config.hpp"

#include <spdlog/logger.h>

#include <memory>

namespace govmon {

class metrics;
class text_checker;

// The wrong-forms rules of a config: the shipped list and the config's `content.rules`. The
// loader checked the local lists; one that can no longer be read, or no longer parses, is a
// degraded mode (a log line and content_list_unreadable) and the others apply.
std::shared_ptr<const text_checker> text_rules_of(const config& cfg, metrics& stats,
                                                  spdlog::logger& log);

} // namespace govmon
