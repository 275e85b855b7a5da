#pragma once

#include "daemon/store/sqlite.hpp"

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

// Schema changes are numbered SQL files in schema/, compiled into the binary (see
// embed_schema.cmake), so that a daemon never depends on files beside it at run time.
namespace govmon::schema {

// The database and this binary disagree on the schema version.
struct version_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct migration {
    int version;           // 1, 2, ... from the file name 0001_init.sql
    std::string_view name; // "init"
    std::string_view sql;
};

// Every migration of schema/, in version order 1..N without gaps (the build checks it).
// Defined in the generated schema_migrations.cpp.
std::span<const migration> compiled_migrations() noexcept;

// The versions recorded in schema_migrations, ascending; empty for a new database.
std::vector<int> applied_versions(sqlite::connection& db);

// Applies, in order and in a transaction each, the migrations the database has not recorded.
// Throws version_error for a database recorded by a newer govmon: an older binary must not
// write into a schema it does not know. Returns the versions applied now.
std::vector<int> apply_migrations(sqlite::connection& db, std::span<const migration> known,
                                  std::int64_t now);

// Throws version_error unless the database is exactly at the newest known version; used by
// readers, which cannot migrate and would otherwise fail later on a missing column.
void require_current(sqlite::connection& db, std::span<const migration> known);

} // namespace govmon::schema
