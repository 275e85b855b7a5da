#pragma once

#include "daemon/config/config.hpp"
#include "daemon/config/load_context.hpp"
#include "daemon/config/yaml_reader.hpp"

#include <vector>

namespace govmon {

// The `thresholds:` section: every threshold of spec/indicators.md.
void read_thresholds(const yaml_reader& reader, const yaml_value& section, config& cfg,
                     load_context& context);

// The keys by which a platform or an account sets its accounts' own thresholds:
// account_warn, account_dormant, account_min_posts.
std::vector<yaml_field> account_freshness_fields(const yaml_reader& reader, account_freshness& out);

// Once everything is read (the sections may come in any order): a platform's or an account's
// warning must not come after its veto.
void check_account_freshness(const config& cfg, load_context& context);

} // namespace govmon
