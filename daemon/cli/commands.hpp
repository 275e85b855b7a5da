#pragma once

#include "daemon/cli/arguments.hpp"
#include "daemon/config/config.hpp"

#include <optional>

namespace govmon {

constexpr int exit_usage = 64; // EX_USAGE: a bad command line

// Each returns the process exit code (interface.md §1).
int check_config_command(const arguments& args);
int findings_command(const arguments& args);
int export_command(const arguments& args);
int report_command(const arguments& args);
int help_command(const arguments& args);
int alerts_command(const arguments& args);
int baseline_command(const arguments& args);

// Loads the config for a command that only reads the database and sets the process time
// zone; prints the config's problems to stderr and returns nothing when it is invalid.
std::optional<config> load_for_reading(const arguments& args);

} // namespace govmon
