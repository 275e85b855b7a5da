#pragma once

#include "probes/site/page_signals.hpp"

#include <optional>
#include <string>

namespace govmon {

// A key page's signals as the store keeps them (schema 4, page_baselines): a JSON object.
std::string signals_json(const page_signals& signals);
// None when the text is not such an object (a row edited by hand).
std::optional<page_signals> parse_signals_json(const std::string& text);

} // namespace govmon
