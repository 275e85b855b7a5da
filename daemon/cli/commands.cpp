#include "commands.hpp"

#include "daemon/cli/findings_output.hpp"
#include "daemon/cli/output_file.hpp"
#include "daemon/cli/report_window.hpp"
#include "daemon/common/quarter.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/config/config_loader.hpp"
#include "daemon/findings/rectification_due.hpp"
#include "daemon/report/quarter_summary.hpp"
#include "daemon/report/report_writers.hpp"
#include "daemon/runtime/daemon.hpp"
#include "daemon/store/report_queries.hpp"
#include "daemon/store/store.hpp"

#include <fstream>
#include <iostream>
#include <optional>

namespace govmon {
namespace {

constexpr const char* quarter_usage = "--quarter wants YYYYQn (e.g. 2026Q3), last or current";

bool open_output(std::ofstream& file, const std::string& path, const char* command) {
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file)
        std::cerr << "govmon " << command << ": cannot write " << path << '\n';
    return static_cast<bool>(file);
}

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
    set_default_time_zone(loaded.cfg.timezone);
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
        const auto findings = db->all_findings(args.has("all"));
        const rectification_plan plan(*cfg, default_time_zone());
        const finding_deadlines deadlines{due_dates(plan, findings, db->severity_since()),
                                          now_epoch_seconds()};
        write_findings(findings, format, std::cout, deadlines);
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
    std::string period; // names the file when --output is a directory
    if (auto quarter_text = args.value("quarter")) {
        const auto q = resolve_quarter(*quarter_text, now_epoch_seconds());
        if (!q) {
            std::cerr << "govmon export: " << quarter_usage << '\n';
            return exit_usage;
        }
        range = range_of(*q);
        period = name_of(*q);
    } else {
        const std::string from_text = args.value("from").value_or("");
        const std::string to_text = args.value("to").value_or("");
        auto from = parse_local_date(from_text);
        auto to = parse_local_date(to_text);
        if (!from || !to) {
            std::cerr << "govmon export: give --from YYYY-MM-DD --to YYYY-MM-DD, or --quarter\n";
            return exit_usage;
        }
        range = {*from, *to};
        period = from_text + "_" + to_text;
    }

    std::ofstream file;
    std::ostream* out = &std::cout;
    if (auto output = args.value("output")) {
        const std::string path =
            output_path(*output, output_file_name(period, "observations", format_name));
        if (!open_output(file, path, "export"))
            return exit_cycle_failed;
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

namespace {

report_context context_of(const config& cfg, const report_window& window) {
    report_context context;
    context.period = window.period;
    context.quarter_name = window.name;
    context.previous_name = window.previous_name;
    context.quarter = window.range;
    context.previous = window.previous;
    context.generated_at = now_epoch_seconds();
    for (const site_config& site : cfg.sites)
        context.site_levels[site.id] = site.level;
    for (const unit_config& unit : cfg.units)
        context.unit_names[unit.id] = unit.name;
    context.rectification = std::make_shared<const rectification_plan>(cfg, default_time_zone());
    return context;
}

void write_report(const quarter_summary& summary, const std::string& format, std::ostream& out) {
    if (format == "md")
        write_markdown_report(summary, out);
    else if (format == "csv")
        write_csv_report(summary, out);
    else
        write_html_report(summary, out);
}

} // namespace

int report_command(const arguments& args) {
    const std::string format = args.value("format").value_or("html");
    if (format != "html" && format != "md" && format != "csv") {
        std::cerr << "govmon report: unknown --format " << format << " (html, md or csv)\n";
        return exit_usage;
    }
    if (!args.value("quarter") && !args.value("month") && !args.value("from") &&
        !args.value("to")) {
        std::cerr << "govmon report: " << report_window_usage << '\n';
        return exit_usage;
    }
    auto cfg = load_for_reading(args);
    if (!cfg)
        return exit_bad_config;
    // Resolved after the config: "last", "current" and dates are of the configured zone.
    const auto window = report_window_of(args, now_epoch_seconds());
    if (!window) {
        std::cerr << "govmon report: " << report_window_usage << '\n';
        return exit_usage;
    }
    const report_context context = context_of(*cfg, *window);
    quarter_summary summary;
    try {
        summary = summarize_quarter(
            read_report_rows(cfg->database, context.quarter, context.previous), context);
    } catch (const store_error& e) {
        std::cerr << "govmon report: " << e.what() << '\n';
        return exit_cycle_failed;
    }
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (auto output = args.value("output")) {
        const std::string path =
            output_path(*output, output_file_name(window->file_period, "report", format));
        if (!open_output(file, path, "report"))
            return exit_cycle_failed;
        out = &file;
    }
    write_report(summary, format, *out);
    out->flush();
    if (!*out) {
        std::cerr << "govmon report: the output could not be written\n";
        return exit_cycle_failed;
    }
    return exit_ok;
}

int help_command(const arguments&) {
    std::cout <<
        R"(usage: govmon COMMAND [--config FILE] [options]

commands:
  run [--once] [--no-mail]          the daemon; --once runs one full cycle, delivers its
                                    mails (within alerts.once_wait) and exits; --no-mail
                                    neither plans nor sends mail
  check-config                      validates the config and registry files
  findings [--format table|jsonl|csv] [--all]
                                    open findings (--all: resolved ones too)
  export --from DATE --to DATE [--format csv|jsonl] [--output FILE|DIR]
  export --quarter 2026Q3|last|current [...]
                                    raw probe data of [from, to)
  report --quarter 2026Q3|last|current [--format html|md|csv] [--output FILE|DIR]
                                    the quarterly inspection summary (季度检查通报)
  report --month 2026-11|last|current [...]
                                    the monthly self-check (月度自查)
  report --from DATE --to DATE [...]
                                    any check window [from, to), judged at its end
  alerts test --to ADDRESS          sends one sample alert mail through alerts.smtp_url
  alerts preview --unit ID          prints the digest the unit would get now ('*': alerts.to)
  baseline accept --site ID         adopts the site's key pages as last crawled as their baseline
  --version                         prints the version

--output DIR (an existing directory) writes govmon-<quarter>-observations.<csv|jsonl> or
govmon-<quarter>-report.<html|md|csv> in it (--month: govmon-2026-11-report...; --from/--to:
govmon-<from>_<to>-...).
--config defaults to $GOVMON_CONFIG, else /etc/govmon/govmon.yaml, else ./govmon.yaml.
exit codes: 0 ok, 1 the work could not be done, 64 bad command line, 78 bad config.
)";
    return exit_ok;
}

} // namespace govmon
