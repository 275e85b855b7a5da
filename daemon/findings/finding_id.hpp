#pragma once

#include "daemon/common/finding_kind.hpp"

#include <string>
#include <string_view>

namespace govmon {

// The stable id of a finding: the first 128 bits of SHA-256 over target, kind and url, in hex.
// The same problem gets the same id in every cycle, after restarts and across severities.
std::string finding_id(std::string_view target, finding_kind kind, std::string_view url);

} // namespace govmon
