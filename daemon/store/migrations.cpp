#include "daemon/store/migrations.hpp"

#include <string>

namespace govmon::schema {
namespace {

// Created outside the numbered migrations: it is what records them.
constexpr const char* bootstrap_sql = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
) STRICT
)sql";

bool has_migrations_table(sqlite::connection& db) {
    sqlite::statement q{db, "SELECT 1 FROM sqlite_schema "
                            "WHERE type = 'table' AND name = 'schema_migrations'"};
    return q.step();
}

int newest_known(std::span<const migration> known) {
    return known.empty() ? 0 : known.back().version;
}

int newest_applied(sqlite::connection& db) {
    sqlite::statement q{db, "SELECT coalesce(max(version), 0) FROM schema_migrations"};
    q.step();
    return static_cast<int>(q.int64(0));
}

void refuse_newer(int applied, int known) {
    if (applied > known)
        throw version_error("database schema " + std::to_string(applied) +
                            " is newer than this govmon (" + std::to_string(known) + ")");
}

} // namespace

std::vector<int> applied_versions(sqlite::connection& db) {
    std::vector<int> versions;
    if (!has_migrations_table(db))
        return versions;
    sqlite::statement q{db, "SELECT version FROM schema_migrations ORDER BY version"};
    while (q.step())
        versions.push_back(static_cast<int>(q.int64(0)));
    return versions;
}

std::vector<int> apply_migrations(sqlite::connection& db, std::span<const migration> known,
                                  std::int64_t now) {
    db.exec(bootstrap_sql);
    refuse_newer(newest_applied(db), newest_known(known));

    std::vector<int> applied_now;
    for (const migration& m : known) {
        sqlite::transaction tx{db};
        // Checked again under the write lock: another process (a second daemon, an export
        // started at the same moment) may have applied it since we looked.
        sqlite::statement seen{db, "SELECT 1 FROM schema_migrations WHERE version = ?1"};
        seen.bind(1, m.version);
        if (seen.step())
            continue;
        try {
            db.exec(std::string{m.sql});
        } catch (const sqlite::error& e) {
            throw sqlite::error(e.code(), "migration " + std::to_string(m.version) + "_" +
                                              std::string{m.name} + ": " + e.what());
        }
        sqlite::statement record{db, "INSERT INTO schema_migrations (version, name, applied_at) "
                                     "VALUES (?1, ?2, ?3)"};
        record.bind_all(m.version, m.name, now).run();
        tx.commit();
        applied_now.push_back(m.version);
    }
    return applied_now;
}

void require_current(sqlite::connection& db, std::span<const migration> known) {
    if (!has_migrations_table(db))
        throw version_error("not a govmon database (no schema_migrations table)");
    const int applied = newest_applied(db);
    const int newest = newest_known(known);
    refuse_newer(applied, newest);
    if (applied < newest)
        throw version_error("database schema " + std::to_string(applied) +
                            " is older than this govmon (" + std::to_string(newest) +
                            "); start the daemon once to migrate it");
}

} // namespace govmon::schema
