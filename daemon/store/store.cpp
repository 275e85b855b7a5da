#include "daemon/store/store.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/store/export_writer.hpp"
#include "daemon/store/migrations.hpp"
#include "daemon/store/page_signals_json.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/store_guard.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>
#include <utility>

namespace govmon {
namespace {

constexpr int busy_timeout_ms = 5000;
// Export hands the stream chunks of about this size: few write calls, bounded memory.
constexpr std::size_t export_chunk_bytes = 64 * 1024;

namespace sql {

constexpr const char* insert_observation = R"(
INSERT INTO observations (time, target, target_kind, probe, url, ok, http_status, latency_ms,
                          error, last_update, detail)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))";

// A finding still open has resolved_at 0 in memory and NULL in the table.
constexpr const char* upsert_finding = R"(
INSERT INTO findings (id, target, target_kind, unit, kind, indicator, severity, url, source,
                      detail, first_seen, last_seen, status, resolved_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, NULLIF(?14, 0))
ON CONFLICT (id) DO UPDATE SET
    target = excluded.target, target_kind = excluded.target_kind, unit = excluded.unit,
    kind = excluded.kind, indicator = excluded.indicator, severity = excluded.severity,
    url = excluded.url, source = excluded.source, detail = excluded.detail,
    first_seen = excluded.first_seen, last_seen = excluded.last_seen,
    status = excluded.status, resolved_at = excluded.resolved_at)";

constexpr const char* insert_event = R"(
INSERT INTO finding_events (finding_id, time, event, severity, detail)
VALUES (?1, ?2, ?3, ?4, ?5))";

constexpr const char* upsert_schedule = R"(
INSERT INTO schedule (target, probe, next_due, last_run) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (target, probe) DO UPDATE SET
    next_due = excluded.next_due, last_run = excluded.last_run)";

// updated_at moves only when something changed, so it says when the registration last changed.
constexpr const char* upsert_target = R"(
INSERT INTO targets (id, kind, name, platform, unit, url, active, first_seen, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
ON CONFLICT (id) DO UPDATE SET
    kind = excluded.kind, name = excluded.name, platform = excluded.platform,
    unit = excluded.unit, url = excluded.url, active = excluded.active,
    updated_at = excluded.updated_at
WHERE (kind, name, platform, unit, url, active) IS NOT
      (excluded.kind, excluded.name, excluded.platform, excluded.unit, excluded.url,
       excluded.active))";

// ?1 is a JSON array of the ids that are still registered.
constexpr const char* deactivate_absent = R"(
UPDATE targets SET active = 0, updated_at = ?2
WHERE active = 1 AND id NOT IN (SELECT value FROM json_each(?1)))";

constexpr const char* observations_since = R"(
SELECT time, target, target_kind, probe, url, ok, http_status, latency_ms, error, last_update,
       detail
FROM observations WHERE target = ?1 AND probe = ?2 AND time >= ?3 ORDER BY time, id)";

constexpr const char* latest_observations = R"(
SELECT time, target, target_kind, probe, url, ok, http_status, latency_ms, error, last_update,
       detail
FROM observations WHERE target = ?1 AND probe = ?2 ORDER BY time DESC, id DESC LIMIT ?3)";

constexpr const char* newest_update = R"(
SELECT MAX(last_update) FROM observations
WHERE target = ?1 AND probe = ?2 AND (ok = 1 OR json_extract(detail, '$.outcome') = 'partial'))";

constexpr const char* blank_columns_of_last_crawl = R"(
SELECT url FROM observations
WHERE target = ?1 AND probe = 'column' AND json_extract(detail, '$.blank') = 1
  AND time = (SELECT MAX(time) FROM observations WHERE target = ?1 AND probe = 'column'))";

constexpr const char* upsert_baseline = R"(
INSERT INTO page_baselines (target, url, baseline, crawls, current, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (target, url) DO UPDATE SET
    baseline = excluded.baseline, crawls = excluded.crawls, current = excluded.current,
    updated_at = excluded.updated_at)";

constexpr const char* baselines_of = R"(
SELECT url, baseline, crawls FROM page_baselines WHERE target = ?1)";

constexpr const char* accept_baselines = R"(
UPDATE page_baselines SET baseline = current, crawls = max(crawls, ?2) WHERE target = ?1)";

constexpr const char* insert_sighting = R"(
INSERT OR IGNORE INTO item_sightings (target, url, page, displayed, first_seen, read_before)
VALUES (?1, ?2, ?3, ?4, ?5, ?6))";

constexpr const char* upsert_list_page = R"(
INSERT INTO list_pages (target, page, first_crawled, last_crawled) VALUES (?1, ?2, ?3, ?3)
ON CONFLICT (target, page) DO UPDATE SET last_crawled = max(last_crawled, excluded.last_crawled))";

constexpr const char* sightings_of = R"(
SELECT url, first_seen, read_before FROM item_sightings WHERE target = ?1)";

constexpr const char* list_pages_of = R"(
SELECT page, last_crawled FROM list_pages WHERE target = ?1)";

// (target, kind, url) identifies a finding (its id is their hash), so no tie-break is needed
// and the indexes give the order without a sort.
constexpr const char* findings_of = R"(
SELECT id, target, target_kind, unit, kind, indicator, severity, url, source, detail,
       first_seen, last_seen, status, resolved_at
FROM findings WHERE target = ?1 ORDER BY kind, url)";

constexpr const char* all_findings = R"(
SELECT id, target, target_kind, unit, kind, indicator, severity, url, source, detail,
       first_seen, last_seen, status, resolved_at
FROM findings ORDER BY target, kind, url)";

constexpr const char* open_finding_counts = R"(
SELECT kind, severity, count(*) FROM findings WHERE status = 'open' GROUP BY kind, severity)";

constexpr const char* open_findings = R"(
SELECT id, target, target_kind, unit, kind, indicator, severity, url, source, detail,
       first_seen, last_seen, status, resolved_at
FROM findings WHERE status = 'open' ORDER BY target, kind, url)";

constexpr const char* events_of = R"(
SELECT finding_id, time, event, severity, detail FROM finding_events
WHERE finding_id = ?1 ORDER BY time, id)";

constexpr const char* load_schedule = R"(
SELECT target, probe, next_due, last_run FROM schedule ORDER BY target, probe)";

constexpr const char* all_targets = R"(
SELECT id, kind, name, platform, unit, url, active FROM targets ORDER BY kind, id)";

// Reads straight off observations_by_time, whose entries end in the rowid (= id): rows come
// out in (time, id) order without a sort, which is what lets export stream. The target's
// platform and unit come from an in-memory table (export_targets), not a join per row.
constexpr const char* export_rows = R"(
SELECT time, target, target_kind, probe, url, ok, http_status, latency_ms, error, last_update,
       detail
FROM observations WHERE time >= ?1 AND time < ?2 ORDER BY time, id)";

constexpr const char* export_targets = "SELECT id, platform, unit FROM targets";

} // namespace sql

} // namespace

struct store::impl {
    impl(std::string p, sqlite::connection c) : path(std::move(p)), db(std::move(c)) {}

    // Prepared on first use, then reused for the life of the store: a batch of thousands of
    // rows costs one prepare per statement, not one per row.
    sqlite::statement& prepared(const char* text) {
        auto it = statements.find(text);
        if (it == statements.end())
            it = statements.emplace(text, sqlite::statement{db, text, /*persistent=*/true}).first;
        return it->second;
    }

    template <typename F> auto guarded(std::string_view what, F&& f) -> decltype(f()) {
        return govmon::guarded(path, what, std::forward<F>(f));
    }

    std::string path;
    sqlite::connection db; // declared first: destroyed after the statements
    // Keyed by the address of the sql:: constant, which is unique per statement.
    std::map<const char*, sqlite::statement> statements;
};

store::store(std::unique_ptr<impl> state) : impl_(std::move(state)) {}

store::~store() = default;

std::unique_ptr<store> store::open(const std::string& path) {
    return guarded(path, "open", [&] {
        sqlite::connection db{path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
        db.busy_timeout(busy_timeout_ms);
        {
            // The pragma answers with the mode in force, which stays "delete" where WAL
            // cannot work (some network file systems): readers would then block the daemon.
            sqlite::statement wal{db, "PRAGMA journal_mode = WAL"};
            if (!wal.step() || wal.text(0) != "wal")
                throw store_error(path + ": cannot switch to WAL journal mode");
        }
        // NORMAL is durable in WAL mode except for the last commits before a power loss.
        db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
        schema::apply_migrations(db, schema::compiled_migrations(), now_epoch_seconds());
        return std::unique_ptr<store>(new store(std::make_unique<impl>(path, std::move(db))));
    });
}

std::unique_ptr<store> store::open_readonly(const std::string& path) {
    return guarded(path, "open read-only", [&] {
        // Without SQLITE_OPEN_CREATE a missing file fails here instead of appearing empty.
        sqlite::connection db{path, SQLITE_OPEN_READONLY};
        db.busy_timeout(busy_timeout_ms);
        schema::require_current(db, schema::compiled_migrations());
        return std::unique_ptr<store>(new store(std::make_unique<impl>(path, std::move(db))));
    });
}

void store::sync_targets(const std::vector<target_row>& targets) {
    impl_->guarded("sync targets", [&] {
        const std::int64_t now = now_epoch_seconds();
        nlohmann::json registered = nlohmann::json::array();
        sqlite::transaction tx{impl_->db};
        auto& upsert = impl_->prepared(sql::upsert_target);
        for (const target_row& t : targets) {
            upsert.bind_all(t.id, t.kind, t.name, t.platform, t.unit, t.url, t.active, now).run();
            registered.push_back(t.id);
        }
        impl_->prepared(sql::deactivate_absent).bind_all(registered.dump(), now).run();
        tx.commit();
    });
}

// Inside write's transaction.
void store::write_page_history(const write_batch& batch) {
    const std::int64_t now = now_epoch_seconds();
    auto& baseline_upsert = impl_->prepared(sql::upsert_baseline);
    for (const page_baseline_row& b : batch.baselines)
        baseline_upsert
            .bind_all(b.target, b.baseline.signals.url, signals_json(b.baseline.signals),
                      b.baseline.crawls, signals_json(b.current), now)
            .run();
    auto& sighting_insert = impl_->prepared(sql::insert_sighting);
    for (const item_sighting& i : batch.sightings)
        sighting_insert.bind_all(i.target, i.url, i.page, i.displayed, i.seen, i.read_before).run();
    auto& page_upsert = impl_->prepared(sql::upsert_list_page);
    for (const list_page_read& p : batch.pages_read)
        page_upsert.bind_all(p.target, p.page, p.time).run();
}

void store::write(const write_batch& batch) {
    impl_->guarded("write", [&] {
        sqlite::transaction tx{impl_->db};
        auto& observation_insert = impl_->prepared(sql::insert_observation);
        for (const observation& o : batch.observations)
            observation_insert
                .bind_all(o.time, o.target, o.target_kind, o.probe, o.url, o.ok, o.http_status,
                          o.latency_ms, to_string(o.error), o.last_update, o.detail)
                .run();
        // Findings before events: an event refers to its finding (foreign key).
        auto& finding_upsert = impl_->prepared(sql::upsert_finding);
        for (const finding& f : batch.findings)
            finding_upsert
                .bind_all(f.id, f.target, f.target_kind, f.unit, name_of(f.kind), f.indicator,
                          name_of(f.severity), f.url, f.source, f.detail, f.first_seen, f.last_seen,
                          name_of(f.status), f.resolved_at)
                .run();
        auto& event_insert = impl_->prepared(sql::insert_event);
        for (const finding_event& e : batch.events)
            event_insert
                .bind_all(e.finding_id, e.time, name_of(e.event), name_of(e.severity), e.detail)
                .run();
        auto& schedule_upsert = impl_->prepared(sql::upsert_schedule);
        for (const schedule_row& s : batch.schedule)
            schedule_upsert.bind_all(s.target, s.probe, s.next_due, s.last_run).run();
        write_page_history(batch);
        tx.commit();
    });
}

namespace {

std::vector<observation> read_observations(sqlite::statement& query, const std::string& path) {
    std::vector<observation> rows;
    sqlite::use q{query};
    while (q->step()) {
        observation o;
        o.time = q->int64(0);
        o.target = q->string(1);
        o.target_kind = q->string(2);
        o.probe = q->string(3);
        o.url = q->string(4);
        o.ok = q->int64(5) != 0;
        if (const auto status = q->optional_int64(6))
            o.http_status = static_cast<int>(*status);
        o.latency_ms = q->int64(7);
        const auto error = error_class_from_string(q->text(8));
        if (!error)
            throw store_error(path + ": unknown error class '" + q->string(8) +
                              "' in observations");
        o.error = *error;
        o.last_update = q->optional_int64(9);
        o.detail = q->string(10);
        rows.push_back(std::move(o));
    }
    return rows;
}

} // namespace

std::vector<observation> store::observations_since(const std::string& target,
                                                   const std::string& probe,
                                                   std::int64_t since) const {
    return impl_->guarded("read observations", [&] {
        auto& query = impl_->prepared(sql::observations_since);
        query.bind_all(target, probe, since);
        return read_observations(query, impl_->path);
    });
}

std::vector<observation> store::latest_observations(const std::string& target,
                                                    const std::string& probe, int count) const {
    return impl_->guarded("read observations", [&] {
        auto& query = impl_->prepared(sql::latest_observations);
        query.bind_all(target, probe, count);
        auto rows = read_observations(query, impl_->path);
        std::reverse(rows.begin(), rows.end());
        return rows;
    });
}

std::optional<std::int64_t> store::newest_update(const std::string& target,
                                                 const std::string& probe) const {
    return impl_->guarded("read newest update", [&] {
        sqlite::use q{impl_->prepared(sql::newest_update)};
        q->bind_all(target, probe);
        return q->step() ? q->optional_int64(0) : std::nullopt;
    });
}

std::set<std::string> store::blank_columns_of_last_crawl(const std::string& target) const {
    return impl_->guarded("read blank columns", [&] {
        sqlite::use q{impl_->prepared(sql::blank_columns_of_last_crawl)};
        q->bind_all(target);
        std::set<std::string> urls;
        while (q->step())
            urls.insert(q->string(0));
        return urls;
    });
}

std::map<std::string, page_baseline> store::page_baselines_of(const std::string& target) const {
    return impl_->guarded("read page baselines", [&] {
        sqlite::use q{impl_->prepared(sql::baselines_of)};
        q->bind_all(target);
        std::map<std::string, page_baseline> baselines;
        while (q->step())
            if (auto signals = parse_signals_json(q->string(1)))
                baselines[q->string(0)] = {std::move(*signals), static_cast<int>(q->int64(2))};
        return baselines;
    });
}

int store::accept_baselines(const std::string& target) {
    return impl_->guarded("accept page baselines", [&] {
        impl_->prepared(sql::accept_baselines).bind_all(target, baseline_learning_crawls).run();
        return sqlite3_changes(impl_->db.handle());
    });
}

item_history store::item_history_of(const std::string& target) const {
    return impl_->guarded("read item history", [&] {
        item_history history;
        {
            sqlite::use q{impl_->prepared(sql::sightings_of)};
            q->bind_all(target);
            while (q->step())
                history.first_seen[q->string(0)] = {q->int64(1), q->int64(2)};
        }
        sqlite::use q{impl_->prepared(sql::list_pages_of)};
        q->bind_all(target);
        while (q->step())
            history.last_read[q->string(0)] = q->int64(1);
        return history;
    });
}

namespace {

std::vector<finding> read_findings(sqlite::statement& query) {
    std::vector<finding> rows;
    sqlite::use q{query};
    while (q->step())
        if (auto f = read_finding(*q))
            rows.push_back(std::move(*f));
    return rows;
}

} // namespace

std::vector<finding> store::findings_of(const std::string& target) const {
    return impl_->guarded("read findings", [&] {
        auto& q = impl_->prepared(sql::findings_of);
        q.bind(1, target);
        return read_findings(q);
    });
}

std::vector<finding> store::all_findings(bool include_resolved) const {
    return impl_->guarded("read findings", [&] {
        return read_findings(
            impl_->prepared(include_resolved ? sql::all_findings : sql::open_findings));
    });
}

std::map<std::pair<std::string, std::string>, int> store::open_finding_counts() const {
    return impl_->guarded("count findings", [&] {
        std::map<std::pair<std::string, std::string>, int> counts;
        sqlite::use q{impl_->prepared(sql::open_finding_counts)};
        while (q->step())
            counts[{q->string(0), q->string(1)}] = static_cast<int>(q->int64(2));
        return counts;
    });
}

std::vector<finding_event> store::events_of(const std::string& finding_id) const {
    return impl_->guarded("read finding events", [&] {
        std::vector<finding_event> rows;
        sqlite::use q{impl_->prepared(sql::events_of)};
        q->bind(1, finding_id);
        while (q->step())
            if (auto event = read_finding_event(*q))
                rows.push_back(std::move(*event));
        return rows;
    });
}

std::map<std::string, std::int64_t> store::severity_since() const {
    return impl_->guarded("read finding events", [&] {
        sqlite::use q{impl_->prepared(severity_since_sql)};
        return read_severity_since(*q);
    });
}

std::vector<schedule_row> store::load_schedule() const {
    return impl_->guarded("read schedule", [&] {
        std::vector<schedule_row> rows;
        sqlite::use q{impl_->prepared(sql::load_schedule)};
        while (q->step())
            rows.push_back({q->string(0), q->string(1), q->int64(2), q->int64(3)});
        return rows;
    });
}

std::vector<int> store::applied_migrations() const {
    return impl_->guarded("read migrations", [&] { return schema::applied_versions(impl_->db); });
}

std::vector<target_row> store::all_targets() const {
    return impl_->guarded("read targets", [&] {
        std::vector<target_row> rows;
        sqlite::use q{impl_->prepared(sql::all_targets)};
        while (q->step())
            rows.push_back({q->string(0), q->string(1), q->string(2), q->string(3), q->string(4),
                            q->string(5), q->int64(6) != 0});
        return rows;
    });
}

namespace {

struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

// target id → (platform, unit); looked up by the row's string_view without a copy.
using target_labels = std::unordered_map<std::string, std::pair<std::string, std::string>,
                                         string_hash, std::equal_to<>>;

target_labels read_target_labels(sqlite::statement& query) {
    target_labels labels;
    sqlite::use q{query};
    while (q->step())
        labels.emplace(q->string(0), std::pair{q->string(1), q->string(2)});
    return labels;
}

} // namespace

std::uint64_t store::export_observations(std::int64_t from, std::int64_t to, export_format format,
                                         std::ostream& out) const {
    return impl_->guarded("export observations", [&] {
        std::string chunk;
        chunk.reserve(export_chunk_bytes + 4096);
        const auto flush = [&] {
            out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            chunk.clear();
            // A full disk must not pass for a short quarter.
            if (!out)
                throw store_error(impl_->path + ": export: the output could not be written");
        };
        if (format == export_format::csv)
            chunk.append(csv_preamble());

        const auto zone = default_time_zone(); // one zone for the whole export, even over a reload
        const target_labels labels = read_target_labels(impl_->prepared(sql::export_targets));
        const std::pair<std::string, std::string> unregistered;
        std::uint64_t count = 0;
        sqlite::use q{impl_->prepared(sql::export_rows)};
        q->bind_all(from, to);
        while (q->step()) {
            const std::string_view target = q->text(1);
            const auto known = labels.find(target);
            const auto& [platform, unit] = known == labels.end() ? unregistered : known->second;
            const export_row row{
                .time = q->int64(0),
                .target = target,
                .target_kind = q->text(2),
                .platform = platform,
                .unit = unit,
                .probe = q->text(3),
                .url = q->text(4),
                .ok = q->int64(5) != 0,
                .http_status = q->optional_int64(6),
                .latency_ms = q->int64(7),
                .error = q->text(8),
                .last_update = q->optional_int64(9),
                .detail = q->text(10),
            };
            if (format == export_format::csv)
                append_csv_row(chunk, row, *zone);
            else
                append_jsonl_row(chunk, row, *zone);
            ++count;
            if (chunk.size() >= export_chunk_bytes)
                flush();
        }
        flush();
        return count;
    });
}

} // namespace govmon
