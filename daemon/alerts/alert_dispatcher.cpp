#include "daemon/alerts/alert_dispatcher.hpp"

#include "daemon/alerts/alert_planner.hpp"
#include "daemon/alerts/smtp_credentials.hpp"
#include "daemon/metrics/metrics.hpp"

#include <spdlog/spdlog.h>

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
    auto zone = load_time_zone(cfg.timezone);
    return {cfg.alerts, cfg.units, seconds_of(cfg.thresholds.account_dormant), cfg.http.ca_file,
            zone ? std::move(zone) : default_time_zone()};
}

alert_dispatcher::alert_dispatcher(const std::string& database, metrics& stats)
    : findings_(store::open(database)), outbox_(alert_store::open(database)), stats_(stats),
      lock_(database) {
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
    for (const unit_config& u : s.units)
        d.units.emplace(u.id, u);
    for (target_row& t : findings_->all_targets())
        d.targets.emplace(t.id, std::move(t));
    std::set<std::string> accounts;
    for (const finding* f : involved)
        if (f->target_kind == "account")
            accounts.insert(f->target);
    for (const std::string& account : accounts)
        if (auto newest = findings_->newest_update(account, "account"))
            d.newest_posts.emplace(account, *newest);
    return d;
}

void alert_dispatcher::prune_outbox(std::int64_t now) {
    if (now - last_prune_ < 86400)
        return;
    last_prune_ = now;
    if (const int pruned = outbox_->prune(now - keep_delivered_for))
        spdlog::info("alerts: pruned {} delivered or failed mail(s) older than 180 days", pruned);
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
            spdlog::warn("alerts: no address for unit {} nor alerts.to; not mailed: {}", p.unit,
                         m.mail.subject);
            continue;
        }
        mails.push_back(std::move(m.mail));
    }
    if (!outbox_->queue_planned(mails, cursor, events.back().event_id)) {
        spdlog::info("alerts: another govmon on this database planned these finding events "
                     "first; not queued twice");
        return true;
    }
    for (const outbox_mail& m : mails)
        spdlog::info("alerts: queued {} mail for {}: {}", m.kind, m.audience, m.subject);
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
        spdlog::info("alerts: queued digest for {}: {}", audience, mail->subject);
}

bool alert_dispatcher::may_deliver() {
    switch (lock_.try_hold()) {
    case delivery_lock::state::held:
        return true;
    case delivery_lock::state::unavailable:
        stats_.count_degraded(degraded_mode::mail_lock_missing);
        return true;
    case delivery_lock::state::busy:
        break;
    }
    if (!said_busy_)
        spdlog::info("alerts: another govmon delivers this database's mail; it sends what this "
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
        spdlog::error("alerts: {}; {} mail(s) stay queued", error, due.size());
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
            spdlog::info("alerts: sent {} to {} <{}>: {}", mail.kind, mail.recipients.front(),
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
        spdlog::error("alerts: gave up on <{}> to {} after {} attempts over three days: {}",
                      mail.message_id, mail.recipients.front(), attempts, error);
        return;
    }
    const std::int64_t pause = retry_pause(seconds_of(s.alerts.retry_after), attempts);
    outbox_->mark_retry(mail.id, attempts, now + pause, error, now);
    spdlog::warn("alerts: <{}> to {} not sent (attempt {}): {}; retry in {} s", mail.message_id,
                 mail.recipients.front(), attempts, error, pause);
}

} // namespace govmon
