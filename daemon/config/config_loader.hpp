#pragma once

#include "config.hpp"

#include <string>
#include <vector>

namespace govmon {

// A problem in a config or registry file, printed as `FILE:LINE: message`.
struct config_error {
    std::string file;
    int line = 0;
    std::string message;
};

std::string format_config_error(const config_error& e);

struct config_load_result {
    config cfg;
    std::vector<config_error> errors; // empty: cfg is valid and complete
};

// Reads the YAML file at `path` and every registry CSV it names, validates everything and
// collects every problem instead of stopping at the first. Never throws.
config_load_result load_config(const std::string& path);

} // namespace govmon
