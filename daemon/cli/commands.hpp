#pragma once

#include "daemon/cli/arguments.hpp"

namespace govmon {

// Each returns the process exit code (interface.md §1).
int check_config_command(const arguments& args);
int findings_command(const arguments& args);
int export_command(const arguments& args);
int report_command(const arguments& args);
int help_command(const arguments& args);

} // namespace govmon
