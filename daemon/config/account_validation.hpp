#pragma once

#include "daemon/config/load_context.hpp"

namespace govmon {

// The checks every account gets, whether it comes from the YAML or from a registry CSV; also
// records its id and unit reference for the cross-file checks.
void validate_account(const account_config& account, const field_lines& lines,
                      load_context& context);

} // namespace govmon
