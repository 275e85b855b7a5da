#include "arguments.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace govmon {

bool arguments::has(const std::string& name) const {
    return std::find(switches.begin(), switches.end(), name) != switches.end() ||
           values.count(name) > 0;
}

std::optional<std::string> arguments::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end())
        return std::nullopt;
    return it->second;
}

arguments parse_arguments(const std::vector<std::string>& argv,
                          const std::vector<std::string>& switch_names) {
    arguments args;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& word = argv[i];
        if (word.rfind("--", 0) != 0) {
            if (args.command.empty())
                args.command = word;
            else
                args.values.emplace("", word); // a positional operand: `help run`
            continue;
        }
        std::string name = word.substr(2);
        if (auto eq = name.find('='); eq != std::string::npos) {
            args.values[name.substr(0, eq)] = name.substr(eq + 1);
            continue;
        }
        if (std::find(switch_names.begin(), switch_names.end(), name) != switch_names.end()) {
            args.switches.push_back(name);
            continue;
        }
        if (i + 1 >= argv.size()) {
            args.error = "option --" + name + " needs a value";
            return args;
        }
        args.values[name] = argv[++i];
    }
    return args;
}

std::string config_path_of(const arguments& args) {
    if (auto given = args.value("config"))
        return *given;
    if (const char* env = std::getenv("GOVMON_CONFIG"); env && *env)
        return env;
    std::error_code ec;
    if (std::filesystem::exists("/etc/govmon/govmon.yaml", ec))
        return "/etc/govmon/govmon.yaml";
    return "./govmon.yaml";
}

} // namespace govmon
