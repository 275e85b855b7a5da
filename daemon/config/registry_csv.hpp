#pragma once

#include "daemon/config/load_context.hpp"

#include <string>
#include <vector>

namespace govmon {

// The columns a registry CSV may have, in any order; id, name and platform are required.
const std::vector<std::string>& registry_columns();

// Reads one registry CSV (UTF-8 with or without BOM, or GBK/GB18030) and appends its rows as
// accounts, each validated like a YAML account and located at its physical line. Problems go
// to `context`; `path` is used as given in messages.
void load_registry_csv(const std::string& path, std::vector<account_config>& accounts,
                       load_context& context);

} // namespace govmon
