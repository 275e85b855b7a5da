#include "daemon/cli/arguments.hpp"
#include "daemon/cli/commands.hpp"
#include "daemon/runtime/daemon.hpp"
#include "daemon/runtime/version.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace govmon;
    auto logger = spdlog::stderr_color_mt("govmon");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
    spdlog::set_default_logger(logger);

    const std::vector<std::string> words(argv + 1, argv + argc);
    const arguments args = parse_arguments(words, {"once", "no-mail", "all", "version", "help"});
    if (!args.error.empty()) {
        std::cerr << "govmon: " << args.error << '\n';
        return 64;
    }
    if (args.has("version") || args.command == "version") {
        std::cout << "govmon " << version_string() << '\n';
        return exit_ok;
    }
    if (args.command == "run")
        return run_daemon(config_path_of(args), {args.has("once"), !args.has("no-mail")});
    if (args.command == "check-config")
        return check_config_command(args);
    if (args.command == "findings")
        return findings_command(args);
    if (args.command == "export")
        return export_command(args);
    if (args.command == "alerts")
        return alerts_command(args);
    if (args.command == "report")
        return report_command(args);
    if (args.command == "baseline")
        return baseline_command(args);
    if (args.command.empty() || args.command == "help" || args.has("help"))
        return help_command(args);
    std::cerr << "govmon: unknown command '" << args.command << "' (try govmon help)\n";
    return 64;
}
