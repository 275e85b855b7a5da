#include "commands.hpp"

#include "daemon/cli/findings_output.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/config/config_loader.hpp"
#include "daemon/runtime/daemon.hpp"
#include "daemon/store/store.hpp"

#include <fstream>
#include <iostream>
#include <optional>

namespace govmon {
namespace {

std::size_t active_accounts(const config& cfg) {
    std::size_t n = 0;
    for (const account_config& a : cfg.accounts)
        n += a.active ? 1 : 0;
    return n;
}

} // namespace

std::optional<config> load_for_reading(const arguments& args) {
    config_load_result loaded = load_config(config_path_of(args));
    if (!loaded.errors.empty()) {
        for (const config_error& e : loaded.errors)
            std::cerr << format_config_error(e) << '\n';
        return std::nullopt;
    }
    set_process_time_zone(loaded.cfg.timezone);
    return std::move(loaded.cfg);
}

int check_config_command(const arguments& args) {
    const std::string path = config_path_of(args);
    config_load_result loaded = load_config(path);
    if (!loaded.errors.empty()) {
        for (const config_error& e : loaded.errors)
            std::cout << format_config_error(e) << '\n';
        std::cout << loaded.errors.size() << " problem(s) in " << path << '\n';
        return exit_bad_config;
    }
    const config& cfg = loaded.cfg;
    std::cout << path << ": ok: " << cfg.units.size() << " units, " << cfg.sites.size()
              << " sites, " << cfg.accounts.size() << " accounts (" << active_accounts(cfg)
              << " active, " << cfg.accounts.size() - active_accounts(cfg) << " closed), "
              << cfg.registry.size() << " registry file(s)\n";
    return exit_ok;
}

int findings_command(const arguments& args) {
    const std::string format_name = args.value("format").value_or("table");
    findings_format format;
    if (format_name == "table")
        format = findings_format::table;
    else if (format_name == "jsonl")
        format = findings_format::jsonl;
    else if (format_name == "csv")
        format = findings_format::csv;
    else {
        std::cerr << "govmon findings: unknown --format " << format_name
                  << " (table, jsonl or csv)\n";
        return exit_usage;
    }
    auto cfg = load_for_reading(args);
    if (!cfg)
        return exit_bad_config;
    try {
        auto db = store::open_readonly(cfg->database);
        write_findings(db->all_findings(args.has("all")), format, std::cout);
    } catch (const store_error& e) {
        std::cerr << "govmon findings: " << e.what() << '\n';
        return exit_cycle_failed;
    }
    return exit_ok;
}

int export_command(const arguments& args) {
    const std::string format_name = args.value("format").value_or("csv");
    if (format_name != "csv" && format_name != "jsonl") {
        std::cerr << "govmon export: unknown --format " << format_name << " (csv or jsonl)\n";
        return exit_usage;
    }
    auto cfg = load_for_reading(args);
    if (!cfg)
        return exit_bad_config;

    time_range range;
    if (auto quarter = args.value("quarter")) {
        auto parsed = parse_quarter(*quarter);
        if (!parsed) {
            std::cerr << "govmon export: --quarter wants YYYYQn, e.g. 2026Q3\n";
            return exit_usage;
        }
        range = *parsed;
    } else {
        auto from = parse_local_date(args.value("from").value_or(""));
        auto to = parse_local_date(args.value("to").value_or(""));
        if (!from || !to) {
            std::cerr << "govmon export: give --from YYYY-MM-DD --to YYYY-MM-DD, or --quarter\n";
            return exit_usage;
        }
        range = {*from, *to};
    }

    std::ofstream file;
    std::ostream* out = &std::cout;
    if (auto output = args.value("output")) {
        file.open(*output, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::cerr << "govmon export: cannot write " << *output << '\n';
            return exit_cycle_failed;
        }
        out = &file;
    }
    try {
        auto db = store::open_readonly(cfg->database);
        const auto rows = db->export_observations(
            range.from, range.to, format_name == "csv" ? export_format::csv : export_format::jsonl,
            *out);
        out->flush();
        std::cerr << rows << " observation(s) from " << format_iso8601(range.from) << " to "
                  << format_iso8601(range.to) << '\n';
    } catch (const store_error& e) {
        std::cerr << "govmon export: " << e.what() << '\n';
        return exit_cycle_failed;
    }
    return exit_ok;
}

int help_command(const arguments&) {
    std::cout <<
        R"(usage: govmon COMMAND [--config FILE] [options]

commands:
  run [--once]                      the daemon; --once runs one full cycle and exits
  check-config                      validates the config and registry files
  findings [--format table|jsonl|csv] [--all]
                                    open findings (--all: resolved ones too)
  export --from DATE --to DATE [--format csv|jsonl] [--output FILE]
  export --quarter 2026Q3 [...]     raw probe data of [from, to)
  alerts test --to ADDRESS          sends one sample alert mail through alerts.smtp_url
  alerts preview --unit ID          prints the digest the unit would get now ('*': alerts.to)
  --version                         prints the version

--config defaults to $GOVMON_CONFIG, else /etc/govmon/govmon.yaml, else ./govmon.yaml.
exit codes: 0 ok, 1 the work could not be done, 64 bad command line, 78 bad config.
)";
    return exit_ok;
}

} // namespace govmon
