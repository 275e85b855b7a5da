#include "daemon/store/alert_store.hpp"

#include "daemon/store/sqlite.hpp"
#include "daemon/store/store_guard.hpp"

#include <sqlite3.h>

namespace govmon {
namespace {

constexpr int busy_timeout_ms = 5000;
constexpr const char* cursor_name = "finding_events";

namespace sql {

constexpr const char* read_cursor = "SELECT value FROM alert_cursors WHERE name = ?1";

constexpr const char* start_cursor = R"(
INSERT INTO alert_cursors (name, value)
SELECT ?1, coalesce(max(id), 0) FROM finding_events WHERE true
ON CONFLICT (name) DO NOTHING)";

constexpr const char* move_cursor = R"(
INSERT INTO alert_cursors (name, value) VALUES (?1, ?2)
ON CONFLICT (name) DO UPDATE SET value = excluded.value)";

constexpr const char* events_after = R"(
SELECT e.id, e.finding_id, e.time, e.event, e.severity, e.detail,
       f.id, f.target, f.target_kind, f.unit, f.kind, f.indicator, f.severity, f.url, f.source,
       f.detail, f.first_seen, f.last_seen, f.status, f.resolved_at
FROM finding_events AS e JOIN findings AS f ON f.id = e.finding_id
WHERE e.id > ?1 ORDER BY e.id LIMIT ?2)";

constexpr const char* insert_mail = R"(
INSERT INTO alert_outbox (kind, audience, message_id, recipient, subject, message, created_at,
                          state, next_attempt)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?7))";

constexpr const char* digest_last_run = "SELECT last_run FROM alert_digests WHERE audience = ?1";

constexpr const char* record_digest = R"(
INSERT INTO alert_digests (audience, last_run) VALUES (?1, ?2)
ON CONFLICT (audience) DO UPDATE SET last_run = excluded.last_run)";

constexpr const char* due_mails = R"(
SELECT id, kind, audience, message_id, recipient, subject, message, created_at, attempts,
       first_attempt
FROM alert_outbox WHERE state = 'queued' AND next_attempt <= ?1 ORDER BY next_attempt, id
LIMIT ?2)";

constexpr const char* mails_in_state = R"(
SELECT id, kind, audience, message_id, recipient, subject, message, created_at, attempts,
       first_attempt
FROM alert_outbox WHERE state = ?1 ORDER BY id)";

constexpr const char* mark_sent = R"(
UPDATE alert_outbox SET state = 'sent', sent_at = ?2, attempts = attempts + 1, last_error = ''
WHERE id = ?1)";

constexpr const char* mark_retry = R"(
UPDATE alert_outbox SET attempts = ?2, next_attempt = ?3, last_error = ?4,
                        first_attempt = coalesce(first_attempt, ?5)
WHERE id = ?1)";

constexpr const char* prune = R"(
DELETE FROM alert_outbox WHERE state IN ('sent', 'failed') AND created_at < ?1)";

constexpr const char* mark_failed = R"(
UPDATE alert_outbox SET state = 'failed', attempts = ?2, last_error = ?3 WHERE id = ?1)";

constexpr const char* escalations = "SELECT finding_id, since FROM rectification_escalations";

constexpr const char* record_escalation = R"(
INSERT INTO rectification_escalations (finding_id, since, due, escalated_at, message_id)
VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING)";

} // namespace sql

outbox_mail read_mail(const sqlite::statement& q) {
    outbox_mail m;
    m.id = q.int64(0);
    m.kind = q.string(1);
    m.audience = q.string(2);
    m.message_id = q.string(3);
    m.recipients = {q.string(4)};
    m.subject = q.string(5);
    m.message = q.string(6);
    m.created_at = q.int64(7);
    m.attempts = static_cast<int>(q.int64(8));
    m.first_attempt = q.optional_int64(9);
    return m;
}

} // namespace

struct alert_store::impl {
    impl(std::string p, sqlite::connection c) : path(std::move(p)), db(std::move(c)) {}

    template <typename F> auto guarded(std::string_view what, F&& f) -> decltype(f()) {
        return govmon::guarded(path, what, std::forward<F>(f));
    }

    void insert(const outbox_mail& m) {
        sqlite::statement q{db, sql::insert_mail};
        for (const std::string& recipient : m.recipients)
            q.bind_all(m.kind, m.audience, m.message_id, recipient, m.subject, m.message,
                       m.created_at)
                .run();
    }

    std::vector<outbox_mail> select_mails(sqlite::statement& q) {
        std::vector<outbox_mail> mails;
        while (q.step())
            mails.push_back(read_mail(q));
        return mails;
    }

    std::string path;
    sqlite::connection db;
};

alert_store::alert_store(std::unique_ptr<impl> state) : impl_(std::move(state)) {}

alert_store::~alert_store() = default;

std::unique_ptr<alert_store> alert_store::open(const std::string& path) {
    return guarded(path, "open for alerts", [&] {
        sqlite::connection db{path, SQLITE_OPEN_READWRITE};
        db.busy_timeout(busy_timeout_ms);
        db.exec("PRAGMA synchronous = NORMAL");
        schema::require_current(db, schema::compiled_migrations());
        return std::unique_ptr<alert_store>(
            new alert_store(std::make_unique<impl>(path, std::move(db))));
    });
}

std::int64_t alert_store::start_event_cursor() {
    impl_->guarded("place the alert cursor", [&] {
        sqlite::statement{impl_->db, sql::start_cursor}.bind_all(cursor_name).run();
    });
    return event_cursor();
}

std::int64_t alert_store::event_cursor() const {
    return impl_->guarded("read the alert cursor", [&] {
        sqlite::statement q{impl_->db, sql::read_cursor};
        q.bind_all(cursor_name);
        return q.step() ? q.int64(0) : std::int64_t{0};
    });
}

std::vector<finding_event_row> alert_store::events_after(std::int64_t cursor, int limit) const {
    return impl_->guarded("read finding events", [&] {
        sqlite::statement q{impl_->db, sql::events_after};
        q.bind_all(cursor, limit);
        std::vector<finding_event_row> rows;
        while (q.step()) {
            auto current = read_finding(q, 6);
            auto event = read_finding_event(q, 1);
            if (!current || !event)
                continue;
            finding_event_row row;
            row.event_id = q.int64(0);
            row.event = std::move(*event);
            row.current = std::move(*current);
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

bool alert_store::queue_planned(const std::vector<outbox_mail>& mails, std::int64_t expected_cursor,
                                std::int64_t new_cursor) {
    return impl_->guarded("queue alert mails", [&] {
        sqlite::transaction tx{impl_->db};
        sqlite::statement current{impl_->db, sql::read_cursor};
        current.bind_all(cursor_name);
        if ((current.step() ? current.int64(0) : 0) != expected_cursor)
            return false;
        current.reset();
        for (const outbox_mail& m : mails)
            impl_->insert(m);
        sqlite::statement{impl_->db, sql::move_cursor}.bind_all(cursor_name, new_cursor).run();
        tx.commit();
        return true;
    });
}

int alert_store::prune(std::int64_t before) {
    return impl_->guarded("prune the outbox", [&] {
        sqlite::statement{impl_->db, sql::prune}.bind_all(before).run();
        return sqlite3_changes(impl_->db.handle());
    });
}

std::optional<std::int64_t> alert_store::digest_last_run(const std::string& audience) const {
    return impl_->guarded("read the digest clock", [&]() -> std::optional<std::int64_t> {
        sqlite::statement q{impl_->db, sql::digest_last_run};
        q.bind_all(audience);
        if (!q.step())
            return std::nullopt;
        return q.int64(0);
    });
}

void alert_store::queue_digest(const std::optional<outbox_mail>& mail, const std::string& audience,
                               std::int64_t now) {
    impl_->guarded("queue a digest", [&] {
        sqlite::transaction tx{impl_->db};
        if (mail)
            impl_->insert(*mail);
        sqlite::statement{impl_->db, sql::record_digest}.bind_all(audience, now).run();
        tx.commit();
    });
}

std::set<std::pair<std::string, std::int64_t>> alert_store::escalations() const {
    return impl_->guarded("read escalations", [&] {
        std::set<std::pair<std::string, std::int64_t>> keys;
        sqlite::statement q{impl_->db, sql::escalations};
        while (q.step())
            keys.emplace(q.string(0), q.int64(1));
        return keys;
    });
}

bool alert_store::queue_escalation(const outbox_mail& mail, const std::vector<escalation_row>& rows,
                                   std::int64_t now) {
    return impl_->guarded("queue an escalation", [&] {
        sqlite::transaction tx{impl_->db};
        sqlite::statement q{impl_->db, sql::record_escalation};
        for (const escalation_row& r : rows) {
            q.bind_all(r.finding_id, r.since, r.due, now, mail.message_id).run();
            if (sqlite3_changes(impl_->db.handle()) == 0)
                return false;
        }
        impl_->insert(mail);
        tx.commit();
        return true;
    });
}

std::vector<outbox_mail> alert_store::due_mails(std::int64_t now, int limit) const {
    return impl_->guarded("read due mails", [&] {
        sqlite::statement q{impl_->db, sql::due_mails};
        q.bind_all(now, limit);
        return impl_->select_mails(q);
    });
}

std::vector<outbox_mail> alert_store::mails_in_state(const std::string& state) const {
    return impl_->guarded("read mails", [&] {
        sqlite::statement q{impl_->db, sql::mails_in_state};
        q.bind_all(state);
        return impl_->select_mails(q);
    });
}

void alert_store::mark_sent(std::int64_t id, std::int64_t now) {
    impl_->guarded("record a sent mail", [&] {
        sqlite::statement{impl_->db, sql::mark_sent}.bind_all(id, now).run();
    });
}

void alert_store::mark_retry(std::int64_t id, int attempts, std::int64_t next_attempt,
                             const std::string& error, std::int64_t now) {
    impl_->guarded("record a failed attempt", [&] {
        sqlite::statement{impl_->db, sql::mark_retry}
            .bind_all(id, attempts, next_attempt, error, now)
            .run();
    });
}

void alert_store::mark_failed(std::int64_t id, int attempts, const std::string& error) {
    impl_->guarded("record an undeliverable mail", [&] {
        sqlite::statement{impl_->db, sql::mark_failed}.bind_all(id, attempts, error).run();
    });
}

} // namespace govmon
