#include "daemon/store/status_queries.hpp"

#include "daemon/store/migrations.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/store_guard.hpp"

#include <sqlite3.h>

#include <utility>

namespace govmon {
namespace {

constexpr int busy_timeout_ms = 2000;

namespace sql {

constexpr const char* targets = R"(
SELECT id, kind, name, platform, unit, url FROM targets WHERE active = 1 ORDER BY id)";

constexpr const char* open_findings = R"(
SELECT id, target, target_kind, unit, kind, indicator, severity, url, source, detail,
       first_seen, last_seen, status, resolved_at
FROM findings WHERE status = 'open' ORDER BY target, kind, url)";

// Straight off observations_by_target, one short range per target and probe: the page costs
// the same whether the database holds a week or a year.
constexpr const char* newest_probes = R"(
SELECT time, url, ok, http_status, latency_ms, error, last_update
FROM observations WHERE target = ?1 AND probe = ?2 ORDER BY time DESC, id DESC LIMIT ?3)";

} // namespace sql

std::vector<target_row> read_targets(sqlite::connection& db) {
    std::vector<target_row> rows;
    sqlite::statement q{db, sql::targets};
    while (q.step())
        rows.push_back(
            {q.string(0), q.string(1), q.string(2), q.string(3), q.string(4), q.string(5), true});
    return rows;
}

std::vector<finding> read_open_findings(sqlite::connection& db) {
    std::vector<finding> rows;
    sqlite::statement q{db, sql::open_findings};
    while (q.step())
        if (auto f = read_finding(q))
            rows.push_back(std::move(*f));
    return rows;
}

// An error class this build does not know (a newer govmon wrote it) shows as a parse error
// rather than hiding the probe.
void read_newest_probes(sqlite::statement& q, const target_row& target, const char* probe,
                        int count, std::vector<observation>& out) {
    sqlite::use reset_after{q};
    q.bind_all(target.id, probe, count);
    while (q.step()) {
        observation o;
        o.time = q.int64(0);
        o.target = target.id;
        o.target_kind = target.kind;
        o.probe = probe;
        o.url = q.string(1);
        o.ok = q.int64(2) != 0;
        if (const auto status = q.optional_int64(3))
            o.http_status = static_cast<int>(*status);
        o.latency_ms = q.int64(4);
        o.error = error_class_from_string(q.text(5)).value_or(error_class::parse);
        o.last_update = q.optional_int64(6);
        out.push_back(std::move(o));
    }
}

std::vector<observation> read_probes(sqlite::connection& db, const std::vector<target_row>& targets,
                                     const std::function<bool(const target_row&)>& shown,
                                     int count) {
    std::vector<observation> rows;
    sqlite::statement q{db, sql::newest_probes};
    for (const target_row& t : targets) {
        if (shown && !shown(t))
            continue;
        if (t.kind == "site") {
            read_newest_probes(q, t, "availability", count, rows);
            read_newest_probes(q, t, "crawl", count, rows);
        } else {
            read_newest_probes(q, t, "account", count, rows);
        }
    }
    return rows;
}

} // namespace

status_rows read_status_rows(const std::string& database,
                             const std::function<bool(const target_row&)>& shown,
                             int probe_history) {
    return guarded(database, "read the status page", [&] {
        // Without SQLITE_OPEN_CREATE a missing file fails here instead of appearing empty.
        sqlite::connection db{database, SQLITE_OPEN_READONLY};
        db.busy_timeout(busy_timeout_ms);
        schema::require_current(db, schema::compiled_migrations());
        // One snapshot: a cycle's writes in between must not make findings and probes disagree.
        sqlite::transaction snapshot{db, sqlite::transaction::mode::deferred};
        status_rows rows;
        rows.targets = read_targets(db);
        rows.findings = read_open_findings(db);
        rows.probes = read_probes(db, rows.targets, shown, probe_history);
        sqlite::statement since{db, severity_since_sql};
        rows.severity_since = read_severity_since(since);
        snapshot.commit();
        return rows;
    });
}

} // namespace govmon
