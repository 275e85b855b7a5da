#pragma once

#include "daemon/common/zone_rules.hpp"
#include "daemon/status/status_model.hpp"

#include <string>

namespace govmon {

// The status page as one self-contained HTML document: inline CSS, no script, nothing fetched
// from elsewhere; every value from the store or the config escaped, times in `zone`.
// A pure function of the model.
std::string write_status_html(const status_model& model, const zone_rules& zone);

// The page for a unit or target that is not there.
std::string write_not_found_html(const status_scope& scope);

// /target/ID, /unit/ID with the id percent-encoded, for links.
std::string status_path(status_scope::level level, const std::string& id);

} // namespace govmon
