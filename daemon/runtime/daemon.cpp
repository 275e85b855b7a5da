#include "daemon.hpp"

#include "daemon/alerts/alert_worker.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/config/config_loader.hpp"
#include "daemon/config/trusted_endpoints.hpp"
#include "daemon/findings/rectification_due.hpp"
#include "daemon/runtime/account_job.hpp"
#include "daemon/runtime/ad_rules.hpp"
#include "daemon/runtime/availability_job.hpp"
#include "daemon/runtime/crawl_job.hpp"
#include "daemon/runtime/daemon_state.hpp"
#include "daemon/runtime/schedule_plan.hpp"
#include "daemon/runtime/text_rules.hpp"
#include "daemon/runtime/threshold_metrics.hpp"
#include "daemon/runtime/version.hpp"
#include "daemon/status/status_page.hpp"
#include "probes/ads/filter_engine.hpp"
#include "probes/http/host_gate.hpp"
#include "probes/http/http_client.hpp"
#include "probes/site/browser_command.hpp"
#include "probes/site/page_renderer.hpp"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <optional>

namespace govmon {
namespace {

http::client_options client_options_of(const config& cfg, metrics& stats) {
    http::client_options o;
    o.user_agent = cfg.http.user_agent;
    o.timeout = cfg.http.timeout;
    o.connect_timeout = cfg.http.connect_timeout;
    o.dns_timeout = cfg.http.connect_timeout;
    o.max_body = cfg.http.max_body;
    o.concurrency = cfg.http.concurrency;
    o.per_host = cfg.http.per_host;
    o.per_host_delay = cfg.http.per_host_delay;
    o.retries = cfg.http.retries;
    o.resolve = cfg.http.resolve;
    o.allow_private = cfg.http.allow_private;
    o.allow_private_hosts = cfg.http.allow_private_hosts;
    o.trusted_endpoints = trusted_endpoints(cfg);
    o.ca_file = cfg.http.ca_file;
    o.on_request = [&stats](std::string_view outcome) { stats.count_http_request(outcome); };
    return o;
}

render_mode render_mode_of(const std::string& name) {
    if (name == "always")
        return render_mode::always;
    if (name == "never")
        return render_mode::never;
    return render_mode::automatic;
}

// The browser is looked up once per config load, and its absence said once, not per page.
std::shared_ptr<page_renderer> renderer_of(const config& cfg, metrics& stats, spdlog::logger& log) {
    render_options o;
    o.mode = render_mode_of(cfg.crawl.render);
    if (o.mode != render_mode::never) {
        const char* path = std::getenv("PATH");
        o.browser = find_browser(cfg.crawl.browser, path ? path : "");
    }
    o.timeout = cfg.crawl.render_timeout;
    o.concurrency = cfg.crawl.render_concurrency;
    o.user_agent = cfg.http.user_agent;
    o.resolve = cfg.http.resolve;
    o.max_body = cfg.http.max_body;
    o.on_render = [&stats](std::string_view result) { stats.count_page_render(result); };
    if (o.mode == render_mode::never)
        log.info("crawl.render: never; pages are read as served");
    else if (o.browser.empty())
        log.warn("crawl.render: no browser found (chromium or chromium-browser on PATH, or "
                 "crawl.browser); pages whose lists a script fills are read as served");
    else
        log.info("crawl.render: {} for pages with no dated item, {} at once, {} s each", o.browser,
                 o.concurrency, std::chrono::duration<double>(o.timeout).count());
    return std::make_shared<page_renderer>(std::move(o));
}

std::vector<target_row> targets_of(const config& cfg) {
    std::vector<target_row> rows;
    for (const site_config& s : cfg.sites)
        rows.push_back({s.id, "site", s.name, "web", s.unit, s.url, true});
    for (const account_config& a : cfg.accounts)
        rows.push_back({a.id, "account", a.name, a.platform, a.unit,
                        a.feed.empty() ? a.url : a.feed, a.active});
    return rows;
}

void log_config_errors(spdlog::logger& log, const std::vector<config_error>& errors) {
    for (const config_error& e : errors)
        log.error("config {}", format_config_error(e));
}

const site_config* find_site(const config& cfg, const std::string& id) {
    for (const site_config& s : cfg.sites)
        if (s.id == id)
            return &s;
    return nullptr;
}

const account_config* find_account(const config& cfg, const std::string& id) {
    for (const account_config& a : cfg.accounts)
        if (a.id == id)
            return &a;
    return nullptr;
}

// Every probe the config asks for, with its interval.
std::vector<std::pair<schedule_key, duration>> probes_of(const config& cfg) {
    std::vector<std::pair<schedule_key, duration>> probes;
    for (const site_config& site : cfg.sites) {
        probes.push_back({{site.id, probe_kind::availability}, cfg.schedule.availability_every});
        probes.push_back({{site.id, probe_kind::crawl}, cfg.schedule.crawl_every});
    }
    for (const account_config& account : cfg.accounts)
        if (account.active)
            probes.push_back({{account.id, probe_kind::account}, cfg.schedule.accounts_every});
    return probes;
}

// The schedule of every probe: kept from the database (a restart resumes), kept across a
// reload for targets that stay, spread over the jitter window for new ones.
void plan_probes(daemon_state& state, const std::vector<schedule_row>& stored, bool once) {
    std::map<schedule_key, std::int64_t> stored_due;
    for (const schedule_row& row : stored)
        if (const auto probe = parse_probe_kind(row.probe))
            stored_due[{row.target, *probe}] = row.next_due;
    const std::int64_t now = now_epoch_seconds();
    std::map<schedule_key, scheduled_probe> planned;
    for (const auto& [key, interval] : probes_of(state.cfg)) {
        scheduled_probe entry;
        if (auto kept = state.schedule.find(key); kept != state.schedule.end())
            entry = kept->second;
        else if (auto it = stored_due.find(key); it != stored_due.end())
            entry.next_due = it->second;
        else
            entry.next_due = first_due(now, interval, state.cfg.schedule.jitter, state.spread());
        if (once)
            entry.next_due = now;
        planned.emplace(key, entry);
    }
    state.schedule = std::move(planned);
    start_rounds(state);
}

std::map<std::string, std::shared_ptr<http::host_gate>> platform_gates_of(const config& cfg) {
    std::map<std::string, std::shared_ptr<http::host_gate>> gates;
    for (const auto& [name, platform] : cfg.platforms)
        if (platform.concurrency > 0 || platform.per_host_delay)
            gates.emplace(name, std::make_shared<http::host_gate>(
                                    platform.concurrency,
                                    platform.per_host_delay.value_or(duration::zero())));
    return gates;
}

void declare_metrics(daemon_state& state, const config* previous) {
    if (previous) {
        for (const site_config& old : previous->sites)
            state.stats.forget_target(old.id);
        for (const account_config& old : previous->accounts)
            state.stats.forget_target(old.id);
    }
    for (const site_config& site : state.cfg.sites)
        state.stats.declare_site(site.id, site.unit);
    for (const account_config& account : state.cfg.accounts)
        if (account.active)
            state.stats.declare_account(account.id, account.platform, account.unit);
    publish_thresholds(state.cfg, state.stats);
}

std::map<std::string, std::string> unit_names_of(const config& cfg) {
    std::map<std::string, std::string> names;
    for (const unit_config& u : cfg.units)
        names.emplace(u.id, u.name.empty() ? u.id : u.name);
    return names;
}

// The status page's due dates, in the zone the page shows its times in.
std::shared_ptr<const rectification_plan> rectification_of(const config& cfg) {
    return std::make_shared<const rectification_plan>(cfg, default_time_zone());
}

// The status page is served on the metrics listener: `/` beside `/metrics`.
bool serve_metrics(metrics& stats, const std::string& listen,
                   const std::shared_ptr<status_page>& page, spdlog::logger& log) {
    try {
        stats.serve(listen, [page](std::string_view path) { return page->answer(path); });
    } catch (const std::exception& e) {
        log.critical("cannot serve metrics on {}: {}", listen, e.what());
        return false;
    }
    const auto ports = stats.listening_ports();
    log.info("metrics on {} (port {}), status page at /", listen,
             ports.empty() ? 0 : ports.front());
    return true;
}

class daemon_runner {
public:
    daemon_runner(config cfg, store& db, metrics& stats, run_mode mode,
                  std::shared_ptr<spdlog::logger> log)
        : db_(db), store_thread_(db), state_(std::move(cfg), store_thread_, stats, std::move(log)),
          once_(mode.once), mail_(mode.mail) {
        state_.parse_on = parse_pool_.get_executor();
    }

    int run() {
        state_.client = std::make_shared<http::client>(ioc_.get_executor(),
                                                       client_options_of(state_.cfg, state_.stats));
        state_.platform_gates = platform_gates_of(state_.cfg);
        state_.ad_rules = ad_rules_of(state_.cfg, state_.stats, *state_.log);
        state_.text_rules = text_rules_of(state_.cfg, state_.stats, *state_.log);
        state_.renderer = renderer_of(state_.cfg, state_.stats, *state_.log);
        // Before any job: the store's thread has nothing to do yet.
        db_.sync_targets(targets_of(state_.cfg));
        declare_metrics(state_, nullptr);
        // One cycle is over before any scrape would come, and the long-running daemon on the
        // same config already holds metrics.listen. Declared first: a scrape never sees a
        // target half-registered.
        status_ =
            std::make_shared<status_page>(state_.cfg.database, unit_names_of(state_.cfg),
                                          rectification_of(state_.cfg), state_.stats, state_.log);
        if (!once_ && !serve_metrics(state_.stats, state_.cfg.metrics.listen, status_, *state_.log))
            return exit_cycle_failed;
        plan_probes(state_, db_.load_schedule(), once_);
        // Before the first probe: the outbox's cursor must stand before this run's events.
        if (mail_ && !start_alerts())
            return exit_cycle_failed;
        if (!mail_)
            state_.log->info("alerts: --no-mail; finding changes are left to the next govmon that "
                             "mails");
        watch_signals();
        asio::co_spawn(ioc_, schedule_loop(), [this](std::exception_ptr e) { on_loop_end(e); });
        ioc_.run();
        // Running jobs are abandoned here: each writes its observation in one transaction
        // after its probe, so nothing is half-written; a write already handed to the store's
        // thread is committed. A mail in transfer is aborted and stays queued.
        parse_pool_.join();
        store_thread_.drain();
        state_.client.reset();
        if (once_ && alerts_ && !stopped_by_signal_)
            finish_mail();
        alerts_.reset();
        if (stopped_by_signal_)
            state_.log->info("stopped");
        if (once_ && state_.failed_writes > 0)
            return exit_cycle_failed;
        return exit_ok;
    }

private:
    // A timer-driven deployment has no daemon to mail for it, so `run --once` mails too. Both
    // may run on one database: the outbox plans each finding change once, whoever recorded it,
    // and only one process at a time delivers (delivery_lock).
    bool start_alerts() {
        if (state_.cfg.alerts.smtp_url.empty()) {
            state_.log->info("alerts: no alerts.smtp_url; findings are not mailed");
            return true;
        }
        try {
            alerts_ = std::make_unique<alert_worker>(
                state_.cfg.database, alert_settings_of(state_.cfg), state_.stats, state_.log);
        } catch (const std::exception& e) {
            state_.log->critical("alerts: {}", e.what());
            return false;
        }
        state_.log->info("alerts: mailing through {}", state_.cfg.alerts.smtp_url);
        return true;
    }

    // Every write of the cycle is committed: the worker's next rounds plan its events and
    // deliver, without pause, within alerts.once_wait.
    void finish_mail() {
        const duration within = state_.cfg.alerts.once_wait;
        if (alerts_->finish(within))
            return;
        state_.log->warn("alerts: mail not delivered within alerts.once_wait ({} s); what is left "
                         "stays queued for the next run",
                         std::chrono::duration_cast<std::chrono::seconds>(within).count());
    }

    void reload_alerts() {
        if (state_.cfg.alerts.smtp_url.empty())
            alerts_.reset();
        else if (alerts_)
            alerts_->update(alert_settings_of(state_.cfg));
        else
            start_alerts();
    }

    asio::awaitable<void> schedule_loop() {
        for (;;) {
            launch_due_jobs(now_epoch_seconds());
            co_await publish_findings_counts(state_);
            if (once_ && state_.jobs_in_flight == 0) {
                state_.log->info("cycle done probes={} failed_writes={}", state_.schedule.size(),
                                 state_.failed_writes);
                ioc_.stop();
                co_return;
            }
            // A short tick keeps reloads and restarts simple: no timer to re-arm when the plan
            // changes.
            tick_.expires_after(once_ ? std::chrono::milliseconds(50) : std::chrono::seconds(1));
            boost::system::error_code ec;
            co_await tick_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }

    void launch_due_jobs(std::int64_t now) {
        for (auto& [key, entry] : state_.schedule) {
            if (entry.in_flight || entry.next_due > now)
                continue;
            if (once_ && !launched_once_.insert(key).second)
                continue;
            launch(key, entry);
        }
    }

    void launch(const schedule_key& key, scheduled_probe& entry) {
        const auto& [target, probe] = key;
        if (probe == probe_kind::availability) {
            if (const site_config* site = find_site(state_.cfg, target))
                spawn_job(key, entry, run_availability_job(state_, *site));
        } else if (probe == probe_kind::crawl) {
            if (const site_config* site = find_site(state_.cfg, target))
                spawn_job(key, entry, run_crawl_job(state_, *site));
        } else if (probe == probe_kind::account) {
            if (const account_config* account = find_account(state_.cfg, target))
                spawn_job(key, entry, run_account_job(state_, *account));
        }
    }

    void spawn_job(const schedule_key& key, scheduled_probe& entry, asio::awaitable<void> job) {
        entry.in_flight = true;
        ++state_.jobs_in_flight;
        asio::co_spawn(ioc_, std::move(job),
                       [this, key](std::exception_ptr e) { on_job_end(key, e); });
    }

    void on_job_end(const schedule_key& key, std::exception_ptr e) {
        --state_.jobs_in_flight;
        // The cycle of `run --once` ends with its last write, not at the next tick.
        if (once_ && state_.jobs_in_flight == 0)
            tick_.cancel();
        if (e)
            note_job_crash(state_, key, e, now_epoch_seconds());
    }

    void on_loop_end(std::exception_ptr e) {
        if (!e)
            return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            state_.log->critical("scheduler stopped: {}", ex.what());
        }
        ++state_.failed_writes;
        ioc_.stop();
    }

    void watch_signals() {
        signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
            if (ec)
                return;
            if (signal == SIGHUP) {
                reload();
                watch_signals();
                return;
            }
            state_.log->info("signal {} received, stopping", signal);
            stopped_by_signal_ = true;
            ioc_.stop();
        });
    }

    void reload() {
        config_load_result loaded = load_config(state_.cfg.path);
        if (!loaded.errors.empty()) {
            state_.stats.count_degraded(degraded_mode::reload_refused);
            state_.log->error("reload refused: {} problem(s) in {}; keeping the running config",
                              loaded.errors.size(), state_.cfg.path);
            log_config_errors(*state_.log, loaded.errors);
            return;
        }
        if (loaded.cfg.database != state_.cfg.database ||
            loaded.cfg.metrics.listen != state_.cfg.metrics.listen)
            state_.log->warn("reload: database and metrics.listen changes take effect on restart");
        std::shared_ptr<http::client> client;
        try {
            client = std::make_shared<http::client>(ioc_.get_executor(),
                                                    client_options_of(loaded.cfg, state_.stats));
        } catch (const std::exception& e) {
            state_.stats.count_degraded(degraded_mode::reload_refused);
            state_.log->error("reload refused: {}; keeping the running config", e.what());
            return;
        }
        // The alert worker gets its zone with its settings; the default zone is replaced whole.
        set_default_time_zone(loaded.cfg.timezone);
        const config previous = std::move(state_.cfg);
        loaded.cfg.database = previous.database;
        loaded.cfg.metrics = previous.metrics;
        state_.cfg = std::move(loaded.cfg);
        state_.client = std::move(client);
        state_.platform_gates = platform_gates_of(state_.cfg);
        state_.ad_rules = ad_rules_of(state_.cfg, state_.stats, *state_.log);
        state_.text_rules = text_rules_of(state_.cfg, state_.stats, *state_.log);
        state_.renderer = renderer_of(state_.cfg, state_.stats, *state_.log);
        asio::co_spawn(ioc_, record_targets(targets_of(state_.cfg)), asio::detached);
        declare_metrics(state_, &previous);
        plan_probes(state_, {}, false);
        if (mail_)
            reload_alerts();
        status_->set_unit_names(unit_names_of(state_.cfg));
        status_->set_rectification(rectification_of(state_.cfg));
        state_.log->info("reloaded {}: {} sites, {} accounts", state_.cfg.path,
                         state_.cfg.sites.size(), state_.cfg.accounts.size());
    }

    asio::awaitable<void> record_targets(std::vector<target_row> targets) {
        try {
            co_await store_thread_.run([&](store& db) {
                db.sync_targets(targets);
                return true;
            });
        } catch (const std::exception& e) { // store_error; anything else too: it is detached
            state_.stats.count_store_error();
            state_.log->error("reload: could not record targets: {}", e.what());
        }
    }

    asio::io_context ioc_{1};
    asio::signal_set signals_{ioc_, SIGINT, SIGTERM, SIGHUP};
    asio::steady_timer tick_{ioc_};
    store& db_;
    // Both destroyed before ioc_ (drained in run()): their work refers to the frames of the jobs
    // ioc_ holds.
    store_worker store_thread_;
    asio::thread_pool parse_pool_{2};
    daemon_state state_;
    bool once_;
    bool mail_;
    bool stopped_by_signal_ = false;
    std::set<schedule_key> launched_once_;
    std::unique_ptr<alert_worker> alerts_;
    std::shared_ptr<status_page> status_;
};

} // namespace

int run_daemon(const std::string& config_path, run_mode mode) {
    // main() has set the process's logger up; everything below writes through this one.
    const std::shared_ptr<spdlog::logger> log = spdlog::default_logger();
    config_load_result loaded = load_config(config_path);
    if (!loaded.errors.empty()) {
        log_config_errors(*log, loaded.errors);
        return exit_bad_config;
    }
    config cfg = std::move(loaded.cfg);
    set_default_time_zone(cfg.timezone);
    log->info("govmon {} starting: {} sites, {} accounts, database {}", version_string(),
              cfg.sites.size(), cfg.accounts.size(), cfg.database);

    std::unique_ptr<store> db;
    try {
        db = store::open(cfg.database);
    } catch (const store_error& e) {
        log->critical("{}", e.what());
        return exit_cycle_failed;
    }

    metrics stats(version_string());
    try {
        daemon_runner runner(std::move(cfg), *db, stats, mode, log);
        return runner.run();
    } catch (const std::exception& e) {
        log->critical("{}", e.what());
        return exit_cycle_failed;
    }
}

} // namespace govmon
