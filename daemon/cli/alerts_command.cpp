#include "daemon/alerts/alert_dispatcher.hpp"
#include "daemon/alerts/alert_mails.hpp"
#include "daemon/alerts/smtp_credentials.hpp"
#include "daemon/alerts/smtp_sender.hpp"
#include "daemon/cli/commands.hpp"
#include "daemon/common/probe_kind.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/runtime/daemon.hpp"
#include "daemon/store/store.hpp"

#include <atomic>
#include <iostream>

namespace govmon {
namespace {

alert_directory directory_for_cli(const config& cfg) {
    alert_directory d;
    d.from = cfg.alerts.from;
    d.ops = cfg.alerts.to;
    const alert_settings settings = alert_settings_of(cfg);
    d.dormant_after = settings.dormant_after;
    d.zone = settings.zone;
    d.routes = cfg.alerts.routes;
    d.owners = settings.owners;
    for (const unit_config& u : cfg.units)
        d.units.emplace(u.id, u);
    return d;
}

int send_test_mail(const config& cfg, const std::string& to) {
    if (cfg.alerts.smtp_url.empty() || cfg.alerts.from.empty()) {
        std::cerr << "govmon alerts test: set alerts.smtp_url and alerts.from in " << cfg.path
                  << '\n';
        return exit_bad_config;
    }
    std::string error;
    const auto login = load_smtp_credentials(cfg.alerts.credentials_file, error);
    if (!login) {
        std::cerr << "govmon alerts test: " << error << '\n';
        return exit_bad_config;
    }
    const composed_mail mail = compose_sample(to, directory_for_cli(cfg), now_epoch_seconds());
    const std::atomic<bool> never{false};
    const smtp_result result =
        send_mail({cfg.alerts.smtp_url, login->user, login->password, cfg.http.ca_file},
                  cfg.alerts.from, {to}, mail.mail.message, never);
    if (!result.sent) {
        std::cerr << "govmon alerts test: not sent: " << result.error << '\n';
        return exit_cycle_failed;
    }
    std::cout << "sent <" << mail.mail.message_id << "> to " << to << '\n';
    return exit_ok;
}

int preview_digest(const config& cfg, const std::string& unit) {
    bool known = unit == "*";
    for (const unit_config& u : cfg.units)
        known = known || u.id == unit;
    if (!known) {
        std::cerr << "govmon alerts preview: no unit '" << unit << "' in " << cfg.path << '\n';
        return exit_usage;
    }
    try {
        auto db = store::open_readonly(cfg.database);
        alert_directory d = directory_for_cli(cfg);
        const auto open = db->all_findings(false);
        for (target_row& t : db->all_targets())
            d.targets.emplace(t.id, std::move(t));
        for (const finding& f : open)
            if (f.target_kind == "account")
                if (auto newest = db->newest_update(f.target, probe_name(probe_kind::account)))
                    d.newest_posts.emplace(f.target, *newest);
        const rectification_plan plan(cfg, d.zone);
        d.due_dates = due_dates(plan, open, db->severity_since());
        const auto digest = compose_digest(unit, open, d, now_epoch_seconds());
        if (!digest) {
            std::cout << "nothing open for " << unit << ": no digest would be sent\n";
            return exit_ok;
        }
        std::cout << "To: ";
        for (std::size_t i = 0; i < digest->mail.recipients.size(); ++i)
            std::cout << (i ? ", " : "") << digest->mail.recipients[i];
        std::cout << "\nSubject: " << digest->mail.subject << "\n\n" << digest->text;
    } catch (const store_error& e) {
        std::cerr << "govmon alerts preview: " << e.what() << '\n';
        return exit_cycle_failed;
    }
    return exit_ok;
}

} // namespace

int alerts_command(const arguments& args) {
    const std::string action = args.value("").value_or("");
    if (action != "test" && action != "preview") {
        std::cerr << "govmon alerts: give 'test --to ADDRESS' or 'preview --unit ID'\n";
        return exit_usage;
    }
    const auto option = args.value(action == "test" ? "to" : "unit");
    if (!option) {
        std::cerr << "govmon alerts " << action << ": "
                  << (action == "test" ? "--to ADDRESS" : "--unit ID") << " is required\n";
        return exit_usage;
    }
    auto cfg = load_for_reading(args);
    if (!cfg)
        return exit_bad_config;
    return action == "test" ? send_test_mail(*cfg, *option) : preview_digest(*cfg, *option);
}

} // namespace govmon
