#pragma once

#include "daemon/alerts/alert_mails.hpp"
#include "daemon/alerts/delivery_lock.hpp"
#include "daemon/alerts/smtp_sender.hpp"
#include "daemon/common/zone_rules.hpp"
#include "daemon/config/config.hpp"
#include "daemon/findings/rectification_due.hpp"
#include "daemon/store/alert_store.hpp"
#include "daemon/store/store.hpp"

#include <spdlog/logger.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace govmon {

class metrics;

// What the alert mails need from the config; copied, so a reload swaps it whole.
struct alert_settings {
    alerts_config alerts;
    std::vector<unit_config> units;
    std::int64_t dormant_after = 14 * 86400;
    std::string ca_file;
    std::shared_ptr<const zone_rules> zone;    // the config's timezone: mails show times in it
    std::map<std::string, std::string> owners; // target id → owner_email
    std::shared_ptr<const rectification_plan> rectification;
};

alert_settings alert_settings_of(const config& cfg);

// One round of alerting over the store: plans mails for new finding events and due digests
// into the outbox, then delivers what is due. Every decision is recorded before the next is
// taken, so a crash at any point loses nothing and plans nothing twice; a mail may only be
// re-sent (with its Message-ID) when the process died between the server's 250 and the
// store's record of it.
class alert_dispatcher {
public:
    // Opens its own connections to the daemon's database. Throws store_error.
    alert_dispatcher(const std::string& database, metrics& stats,
                     std::shared_ptr<spdlog::logger> log);
    ~alert_dispatcher();

    // Returns true when a round started at once would do more: events or due mails beyond this
    // round's limits. False: every event is planned and every due mail was tried, or the server
    // is paused, or another process delivers this database's mail.
    bool run_once(const alert_settings& settings, std::int64_t now, const std::atomic<bool>& stop);

private:
    alert_directory directory_of(const alert_settings& s,
                                 const std::vector<const finding*>& involved) const;
    void prune_outbox(std::int64_t now);
    bool plan_event_mails(const alert_settings& s, std::int64_t now);
    void plan_digests(const alert_settings& s, std::int64_t now);
    void plan_escalations(const alert_settings& s, std::int64_t now);
    void queue_escalation(const alert_settings& s, const planned_escalation& plan,
                          std::int64_t now);
    void plan_digest(const alert_settings& s, const std::string& audience,
                     const std::vector<finding>& open, std::int64_t now);
    bool may_deliver();
    bool deliver(const alert_settings& s, std::int64_t now, const std::atomic<bool>& stop);
    void record_sent(const outbox_mail& mail, std::int64_t now);
    void record_failure(const alert_settings& s, const outbox_mail& mail, const std::string& error,
                        std::int64_t now);

    std::unique_ptr<store> findings_;
    std::unique_ptr<alert_store> outbox_;
    metrics& stats_;
    std::shared_ptr<spdlog::logger> log_;
    delivery_lock lock_;
    bool said_busy_ = false;
    std::map<std::string, std::int64_t> digest_runs_; // audience → last run, read once
    // Outbox rows the server accepted but the store failed to mark sent (disk full, busy):
    // they are recorded on the next round, never sent again by this process.
    std::set<std::int64_t> sent_unrecorded_;
    std::int64_t paused_until_ = 0; // the server was unreachable or refused our login
    std::int64_t last_prune_ = 0;
    std::int64_t next_escalation_check_ = 0;
};

} // namespace govmon
