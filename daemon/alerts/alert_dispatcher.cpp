#include "daemon/alerts/alert_dispatcher.hpp"

#include "daemon/alerts/alert_planner.hpp"
#include "daemon/alerts/smtp_credentials.hpp"
#include "daemon/common/probe_kind.hpp"
#include "daemon/metrics/metrics.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace govmon {
namespace {

constexpr int events_per_round = 1000;
constexpr int mails_per_round = 50;
// Counted from the first attempt, so that mails queued while the daemon was stopped get their
// three days of tries too.
constexpr std::int64_t give_up_after = 3 * 86400;
constexpr std::int64_t longest_retry_pause = 3600;
constexpr const char* everyone = "*";
// Delivered mails are kept for two quarters: what a unit was told can be shown at inspection.
constexpr std::int64_t keep_delivered_for = 180 * 86400;
// Deadlines are days long; ten seconds late is on time, and spares the store a read a second.
constexpr std::int64_t escalation_check_every = 10;

std::int64_t seconds_of(duration d) {
    return std::chrono::duration_cast<std::chrono::seconds>(d).count();
}

std::int64_t retry_pause(std::int64_t first, int attempts) {
    std::int64_t pause = std::max<std::int64_t>(first, 1);
    for (int i = 1; i < attempts && pause < longest_retry_pause; ++i)
        pause *= 2;
    return std::min(pause, longest_retry_pause);
}

// The audiences that get a digest: each unit that has its own contacts, and alerts.to.
std::vector<std::string> digest_audiences(const alert_settings& s) {
    std::vector<std::string> audiences;
    for (const unit_config& u : s.units)
        if (!u.contacts.empty())
            audiences.push_back(u.id);
    if (!s.alerts.to.empty())
        audiences.push_back(everyone);
    return audiences;
}

} // namespace

alert_settings alert_settings_of(const config& cfg) {
    auto loaded = load_time_zone(cfg.timezone);
    auto zone = loaded ? std::move(loaded) : default_time_zone();
    alert_settings s{cfg.alerts, cfg.units, seconds_of(cfg.thresholds.account_dormant),
                     cfg.http.ca_file, zone};
    for (const site_config& site : cfg.sites)
        if (!site.owner_email.empty())
            s.owners.emplace(site.id, site.owner_email);
    for (const account_config& account : cfg.accounts)
        if (!account.owner_email.empty())
            s.owners.emplace(account.id, account.owner_email);
    s.rectification = std::make_shared<const rectification_plan>(cfg, zone);
    return s;
}

alert_dispatcher::alert_dispatcher(const std::string& database, metrics& stats,
                                   std::shared_ptr<spdlog::logger> log)
    : findings_(store::open(database)), outbox_(alert_store::open(database)), stats_(stats),
      log_(std::move(log)), lock_(database) {
    // Placed before the daemon launches a probe: an event of the first probes must come after
    // the starting point, or it would never be mailed.
    outbox_->start_event_cursor();
}

alert_dispatcher::~alert_dispatcher() = default;

bool alert_dispatcher::run_once(const alert_settings& settings, std::int64_t now,
                                const std::atomic<bool>& stop) {
    prune_outbox(now);
    const bool more_events = plan_event_mails(settings, now);
    plan_digests(settings, now);
    plan_escalations(settings, now);
    const bool more_mails = deliver(settings, now, stop);
    return more_events || more_mails;
}

alert_directory alert_dispatcher::directory_of(const alert_settings& s,
                                               const std::vector<const finding*>& involved) const {
    alert_directory d;
    d.from = s.alerts.from;
    d.ops = s.alerts.to;
    d.dormant_after = s.dormant_after;
    d.zone = s.zone;
    d.routes = s.alerts.routes;
    d.owners = s.owners;
    for (const unit_config& u : s.units)
        d.units.emplace(u.id, u);
    if (s.rectification && !involved.empty()) {
        const auto since = findings_->severity_since();
        for (const finding* f : involved) {
            const auto started = since.find(f->id);
            if (auto due = s.rectification->due_of(*f, started == since.end() ? f->first_seen
                                                                              : started->second))
                d.due_dates.emplace(f->id, *due);
        }
    }
    for (target_row& t : findings_->all_targets())
        d.targets.emplace(t.id, std::move(t));
    std::set<std::string> accounts;
    for (const finding* f : involved)
        if (f->target_kind == "account")
            accounts.insert(f->target);
    for (const std::string& account : accounts)
        if (auto newest = findings_->newest_update(account, probe_name(probe_kind::account)))
            d.newest_posts.emplace(account, *newest);
    return d;
}

void alert_dispatcher::prune_outbox(std::int64_t now) {
    if (now - last_prune_ < 86400)
        return;
    last_prune_ = now;
    if (const int pruned = outbox_->prune(now - keep_delivered_for))
        log_->info("alerts: pruned {} delivered or failed mail(s) older than 180 days", pruned);
}

bool alert_dispatcher::plan_event_mails(const alert_settings& s, std::int64_t now) {
    const std::int64_t cursor = outbox_->event_cursor();
    const auto events = outbox_->events_after(cursor, events_per_round);
    if (events.empty())
        return false;
    const auto plans = plan_alerts(events, now, seconds_of(s.alerts.digest_every));
    std::vector<const finding*> involved;
    for (const planned_alert& p : plans)
        for (const finding_event_row& row : p.items)
            involved.push_back(&row.current);
    const alert_directory d = directory_of(s, involved);
    std::vector<outbox_mail> mails;
    for (const planned_alert& p : plans) {
        composed_mail m = compose_alert(p, d, now);
        if (m.mail.recipients.empty()) {
            stats_.count_degraded(degraded_mode::mail_without_address);
            log_->warn("alerts: no address for unit {} nor alerts.to; not mailed: {}", p.unit,
                       m.mail.subject);
            continue;
        }
        mails.push_back(std::move(m.mail));
    }
    if (!outbox_->queue_planned(mails, cursor, events.back().event_id)) {
        log_->info("alerts: another govmon on this database planned these finding events "
                   "first; not queued twice");
        return true;
    }
    for (const outbox_mail& m : mails)
        log_->info("alerts: queued {} mail for {}: {}", m.kind, m.audience, m.subject);
    return events.size() == static_cast<std::size_t>(events_per_round);
}

void alert_dispatcher::plan_digests(const alert_settings& s, std::int64_t now) {
    const std::int64_t every = seconds_of(s.alerts.digest_every);
    std::vector<std::string> due;
    for (const std::string& audience : digest_audiences(s)) {
        auto known = digest_runs_.find(audience);
        if (known == digest_runs_.end()) {
            // A new audience starts its clock now: its first digest comes one period later,
            // after the mails of the first cycle rather than on top of them.
            const auto stored = outbox_->digest_last_run(audience);
            if (!stored)
                outbox_->queue_digest(std::nullopt, audience, now);
            known = digest_runs_.emplace(audience, stored.value_or(now)).first;
        }
        if (now - known->second >= every)
            due.push_back(audience);
    }
    if (due.empty())
        return;
    const std::vector<finding> open = findings_->all_findings(false);
    for (const std::string& audience : due)
        plan_digest(s, audience, open, now);
}

void alert_dispatcher::plan_digest(const alert_settings& s, const std::string& audience,
                                   const std::vector<finding>& open, std::int64_t now) {
    std::vector<const finding*> involved;
    for (const finding& f : open)
        if (audience == everyone || f.unit == audience)
            involved.push_back(&f);
    std::optional<outbox_mail> mail;
    if (!involved.empty())
        if (auto composed = compose_digest(audience, open, directory_of(s, involved), now))
            mail = std::move(composed->mail);
    outbox_->queue_digest(mail, audience, now);
    digest_runs_[audience] = now;
    if (mail)
        log_->info("alerts: queued digest for {}: {}", audience, mail->subject);
}

void alert_dispatcher::plan_escalations(const alert_settings& s, std::int64_t now) {
    if (!s.rectification || now < next_escalation_check_)
        return;
    next_escalation_check_ = now + escalation_check_every;
    const std::vector<finding> open = findings_->all_findings(false);
    const auto since = findings_->severity_since();
    const auto escalated = outbox_->escalations();
    std::set<std::string> inactive;
    for (const target_row& t : findings_->all_targets())
        if (!t.active)
            inactive.insert(t.id);
    std::map<std::string, planned_escalation> by_unit;
    for (const finding& f : open) {
        if (inactive.count(f.target))
            continue;
        const auto started = since.find(f.id);
        const std::int64_t from = started == since.end() ? f.first_seen : started->second;
        const auto due = s.rectification->due_of(f, from);
        if (!due || *due > now || escalated.count({f.id, from}))
            continue;
        planned_escalation& plan = by_unit[f.unit];
        plan.unit = f.unit;
        plan.findings.push_back(f);
        plan.rows.push_back({f.id, from, *due});
    }
    for (const auto& [unit, plan] : by_unit)
        queue_escalation(s, plan, now);
}

void alert_dispatcher::queue_escalation(const alert_settings& s, const planned_escalation& plan,
                                        std::int64_t now) {
    std::vector<const finding*> involved;
    for (const finding& f : plan.findings)
        involved.push_back(&f);
    const composed_mail m = compose_escalation(plan, directory_of(s, involved), now);
    if (m.mail.recipients.empty()) {
        stats_.count_degraded(degraded_mode::mail_without_address);
        log_->warn("alerts: no address for unit {} nor alerts.to; escalation recorded, not "
                   "mailed: {}",
                   plan.unit, m.mail.subject);
    }
    if (!outbox_->queue_escalation(m.mail, plan.rows, now)) {
        log_->warn("alerts: another govmon escalated these findings first (two daemons on one "
                   "database?); not queued twice");
        return;
    }
    log_->info("alerts: queued escalation for {} ({} finding(s) past their rectification "
               "deadline): {}",
               plan.unit, plan.findings.size(), m.mail.subject);
}

bool alert_dispatcher::may_deliver() {
    switch (lock_.try_hold()) {
    case delivery_lock::state::held:
        return true;
    case delivery_lock::state::unavailable:
        stats_.count_degraded(degraded_mode::mail_lock_missing);
        log_->warn("alerts: {}; delivering without the lock", lock_.failure());
        return true;
    case delivery_lock::state::busy:
        break;
    }
    if (!said_busy_)
        log_->info("alerts: another govmon delivers this database's mail; it sends what this "
                   "one queues");
    said_busy_ = true;
    return false;
}

bool alert_dispatcher::deliver(const alert_settings& s, std::int64_t now,
                               const std::atomic<bool>& stop) {
    if (s.alerts.smtp_url.empty() || now < paused_until_ || !may_deliver())
        return false;
    const auto due = outbox_->due_mails(now, mails_per_round);
    if (due.empty())
        return false;
    std::string error;
    const auto login = load_smtp_credentials(s.alerts.credentials_file, error);
    if (!login) {
        log_->error("alerts: {}; {} mail(s) stay queued", error, due.size());
        paused_until_ = now + retry_pause(seconds_of(s.alerts.retry_after), 1);
        return false;
    }
    const smtp_settings smtp{s.alerts.smtp_url, login->user, login->password, s.ca_file};
    for (const outbox_mail& mail : due) {
        if (stop)
            return false;
        // Sent before, but the store could not record it: record, never send again.
        if (sent_unrecorded_.count(mail.id)) {
            record_sent(mail, now);
            continue;
        }
        const smtp_result result =
            send_mail(smtp, s.alerts.from, mail.recipients, mail.message, stop);
        if (result.aborted)
            return false;
        if (result.sent) {
            stats_.count_alert_email("sent");
            log_->info("alerts: sent {} to {} <{}>: {}", mail.kind, mail.recipients.front(),
                       mail.message_id, mail.subject);
            sent_unrecorded_.insert(mail.id);
            record_sent(mail, now);
            continue;
        }
        record_failure(s, mail, result.error, now);
        if (result.server_unreachable) {
            // Every other due mail would fail alike: the server is left alone for a while.
            paused_until_ = now + retry_pause(seconds_of(s.alerts.retry_after), mail.attempts + 1);
            return false;
        }
    }
    return due.size() == static_cast<std::size_t>(mails_per_round);
}

void alert_dispatcher::record_sent(const outbox_mail& mail, std::int64_t now) {
    outbox_->mark_sent(mail.id, now);
    sent_unrecorded_.erase(mail.id);
}

void alert_dispatcher::record_failure(const alert_settings& s, const outbox_mail& mail,
                                      const std::string& error, std::int64_t now) {
    stats_.count_alert_email("failed");
    const int attempts = mail.attempts + 1;
    if (now - mail.first_attempt.value_or(now) >= give_up_after) {
        outbox_->mark_failed(mail.id, attempts, error);
        log_->error("alerts: gave up on <{}> to {} after {} attempts over three days: {}",
                    mail.message_id, mail.recipients.front(), attempts, error);
        return;
    }
    const std::int64_t pause = retry_pause(seconds_of(s.alerts.retry_after), attempts);
    outbox_->mark_retry(mail.id, attempts, now + pause, error, now);
    log_->warn("alerts: <{}> to {} not sent (attempt {}): {}; retry in {} s", mail.message_id,
               mail.recipients.front(), attempts, error, pause);
}

} // namespace govmon
