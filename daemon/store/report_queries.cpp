#include "daemon/store/report_queries.hpp"

#include "daemon/store/migrations.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_guard.hpp"

#include <sqlite3.h>

#include <map>
#include <utility>

namespace govmon {
namespace {

constexpr int busy_timeout_ms = 5000;

namespace sql {

constexpr const char* targets = R"(
SELECT id, kind, name, platform, unit, url, active FROM targets ORDER BY kind, id)";

// One pass over the quarter's rows, straight off observations_by_time.
constexpr const char* tallies = R"(
SELECT target, count(*), sum(probe = 'availability' AND error IS NOT 'blocked'),
       sum(probe = 'availability' AND ok = 1),
       max(time)
FROM observations WHERE time >= ?1 AND time < ?2 GROUP BY target)";

// Column observations are left out: a column's date is not the site's update.
constexpr const char* updates = R"(
SELECT DISTINCT target, last_update FROM observations
WHERE time >= ?1 AND time < ?2 AND target_kind = 'site'
  AND probe IN ('availability', 'crawl') AND last_update IS NOT NULL
ORDER BY target, last_update)";

// A reopened finding's first_seen is its latest opening: its events say it existed before.
constexpr const char* findings = R"(
SELECT id, target, target_kind, unit, kind, indicator, severity, url, source, detail,
       first_seen, last_seen, status, resolved_at
FROM findings
WHERE first_seen < ?1 OR id IN (SELECT finding_id FROM finding_events WHERE time < ?1)
ORDER BY target, kind, url)";

constexpr const char* events = R"(
SELECT finding_id, time, event, severity, detail FROM finding_events
WHERE time < ?1 ORDER BY finding_id, time, id)";

} // namespace sql

std::vector<report_target> read_targets(sqlite::connection& db) {
    std::vector<report_target> rows;
    sqlite::statement q{db, sql::targets};
    while (q.step())
        rows.push_back({q.string(0), q.string(1), q.string(2), q.string(3), q.string(4),
                        q.string(5), q.int64(6) != 0});
    return rows;
}

std::map<std::string, observation_tally> read_tallies(sqlite::connection& db, time_range range) {
    std::map<std::string, observation_tally> tallies;
    {
        sqlite::statement q{db, sql::tallies};
        q.bind_all(range.from, range.to);
        while (q.step()) {
            observation_tally& t = tallies[q.string(0)];
            t.observations = q.int64(1);
            t.availability_probes = q.int64(2);
            t.availability_ok = q.int64(3);
            t.last_check = q.int64(4);
        }
    }
    sqlite::statement q{db, sql::updates};
    q.bind_all(range.from, range.to);
    while (q.step())
        tallies[q.string(0)].updates.push_back(q.int64(1));
    return tallies;
}

std::vector<finding_history> read_findings(sqlite::connection& db, std::int64_t before) {
    std::vector<finding_history> rows;
    std::map<std::string, std::size_t> index;
    {
        sqlite::statement q{db, sql::findings};
        q.bind(1, before);
        while (q.step()) {
            if (auto f = read_finding(q)) {
                rows.push_back({std::move(*f), {}});
                index.emplace(rows.back().current.id, rows.size() - 1);
            }
        }
    }
    sqlite::statement q{db, sql::events};
    q.bind(1, before);
    while (q.step()) {
        const auto it = index.find(q.string(0));
        if (it == index.end())
            continue;
        if (auto event = read_finding_event(q))
            rows[it->second].events.push_back(std::move(*event));
    }
    return rows;
}

} // namespace

report_rows read_report_rows(const std::string& database, time_range quarter, time_range previous) {
    try {
        // Without SQLITE_OPEN_CREATE a missing file fails here instead of appearing empty.
        sqlite::connection db{database, SQLITE_OPEN_READONLY};
        db.busy_timeout(busy_timeout_ms);
        schema::require_current(db, schema::compiled_migrations());
        // One snapshot for every query: the daemon's writes in between must not make the
        // tallies and the findings disagree.
        sqlite::transaction snapshot{db, sqlite::transaction::mode::deferred};
        report_rows rows;
        rows.targets = read_targets(db);
        rows.quarter = read_tallies(db, quarter);
        rows.previous = read_tallies(db, previous);
        rows.findings = read_findings(db, quarter.to);
        snapshot.commit();
        return rows;
    } catch (const sqlite::error& e) {
        throw store_error(database + ": read the quarterly report: " + e.what());
    } catch (const schema::version_error& e) {
        throw store_error(database + ": " + e.what());
    }
}

} // namespace govmon
