#pragma once

#include "daemon/findings/finding.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace govmon {

// One finding_events row with the finding it belongs to, as it stands now.
struct finding_event_row {
    std::int64_t event_id = 0;
    finding_event event;
    finding current;
};

// A mail as queued in the outbox (schema/0002_alert_outbox.sql). Queued, it becomes one row per
// recipient; read back, `recipients` holds that row's one address.
struct outbox_mail {
    std::int64_t id = 0;  // assigned by the store
    std::string kind;     // veto, warning, recovery, digest, escalation
    std::string audience; // a unit id, or "*" for alerts.to
    std::string message_id;
    std::vector<std::string> recipients;
    std::string subject;
    std::string message; // the whole RFC 5322 text
    std::int64_t created_at = 0;
    int attempts = 0;
    std::optional<std::int64_t> first_attempt; // when delivery was first tried
};

// A finding escalated for passing its rectification deadline (schema/0003_rectification.sql).
struct escalation_row {
    std::string finding_id;
    std::int64_t since = 0; // when the finding took its current severity
    std::int64_t due = 0;
};

// The alert outbox, its planning cursor and digest clock: the part of the store the alert
// worker owns. It has its own connection, used from the worker's thread only; the daemon's
// writer and this one share the file through SQLite's locking (WAL, busy timeout).
class alert_store {
public:
    // Opens a database the daemon has already created and migrated. Throws store_error.
    static std::unique_ptr<alert_store> open(const std::string& path);
    ~alert_store();
    alert_store(const alert_store&) = delete;
    alert_store& operator=(const alert_store&) = delete;

    // Places the planning cursor, once per database, at its newest event: mails are about
    // changes from then on (the digest covers the rest). Returns the cursor.
    std::int64_t start_event_cursor();
    // The last finding event already planned (0 before start_event_cursor).
    std::int64_t event_cursor() const;
    // Events after `cursor`, oldest first, at most `limit`.
    std::vector<finding_event_row> events_after(std::int64_t cursor, int limit) const;
    // Queues the mails and moves the cursor from `expected_cursor` to `new_cursor` in one
    // transaction: planned exactly once. Returns false, queuing nothing, when the cursor is no
    // longer at `expected_cursor` (another process planned these events first).
    bool queue_planned(const std::vector<outbox_mail>& mails, std::int64_t expected_cursor,
                       std::int64_t new_cursor);

    std::optional<std::int64_t> digest_last_run(const std::string& audience) const;
    // Queues the digest (if any) and records the run in one transaction.
    void queue_digest(const std::optional<outbox_mail>& mail, const std::string& audience,
                      std::int64_t now);

    // (finding id, since) of every escalation recorded.
    std::set<std::pair<std::string, std::int64_t>> escalations() const;
    // Records the escalations and queues their mail in one transaction. Returns false, queuing
    // nothing, when one of them was recorded before (another process escalated it first).
    bool queue_escalation(const outbox_mail& mail, const std::vector<escalation_row>& rows,
                          std::int64_t now);

    // Queued mails whose next attempt is due, oldest first.
    std::vector<outbox_mail> due_mails(std::int64_t now, int limit) const;
    void mark_sent(std::int64_t id, std::int64_t now);
    void mark_retry(std::int64_t id, int attempts, std::int64_t next_attempt,
                    const std::string& error, std::int64_t now);
    void mark_failed(std::int64_t id, int attempts, const std::string& error);
    // Deletes sent and failed mails queued before `before`; returns how many.
    int prune(std::int64_t before);
    // Mails by state, for tests and the CLI: queued, sent, failed.
    std::vector<outbox_mail> mails_in_state(const std::string& state) const;

private:
    struct impl;
    explicit alert_store(std::unique_ptr<impl> state);
    std::unique_ptr<impl> impl_;
};

} // namespace govmon
