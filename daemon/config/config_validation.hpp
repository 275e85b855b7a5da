#pragma once

#include "daemon/config/load_context.hpp"

namespace govmon {

// Checks that need the whole configuration: duplicate ids (units; sites and accounts
// together), references to units that do not exist, thresholds that contradict each other.
void check_cross_references(load_context& context);
void check_threshold_order(const config& cfg, const source_location& where, load_context& context);

} // namespace govmon
