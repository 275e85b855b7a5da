#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

// `govmon COMMAND [--flag VALUE | --switch]...`. Flags may also be written --flag=VALUE.
struct arguments {
    std::string command;
    std::map<std::string, std::string> values;
    std::vector<std::string> switches;
    std::string error; // non-empty: the command line is malformed

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
};

// `switch_names` are the flags that take no value (--once, --all, --version).
arguments parse_arguments(const std::vector<std::string>& argv,
                          const std::vector<std::string>& switch_names);

// --config, else $GOVMON_CONFIG, else /etc/govmon/govmon.yaml if it exists, else ./govmon.yaml.
std::string config_path_of(const arguments& args);

} // namespace govmon
