#include "daemon/store/migrations.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixture.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <fstream>

using namespace govmon;
using govmon::test::temp_dir;

namespace {

std::int64_t scalar(sqlite::connection& db, const std::string& sql) {
    sqlite::statement q{db, sql};
    REQUIRE(q.step());
    return q.int64(0);
}

std::vector<int> all_versions() {
    std::vector<int> versions;
    for (const auto& m : schema::compiled_migrations())
        versions.push_back(m.version);
    return versions;
}

int newest_version() {
    return schema::compiled_migrations().back().version;
}

} // namespace

TEST_CASE("the compiled schema is numbered from 1 in increasing order and holds the SQL files") {
    // Numbers are handed to parallel branches beforehand (migrations.cmake): one may be missing
    // until its branch is merged.
    const auto migrations = schema::compiled_migrations();
    REQUIRE_FALSE(migrations.empty());
    CHECK(migrations[0].version == 1);
    for (std::size_t i = 1; i < migrations.size(); ++i)
        CHECK(migrations[i].version > migrations[i - 1].version);
    CHECK(migrations[0].name == "init");
    CHECK(migrations[0].sql.find("CREATE TABLE observations") != std::string_view::npos);
}

TEST_CASE("migrations are applied once, recorded, and the database is in WAL mode") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    {
        auto s = store::open(path);
        CHECK(s->applied_migrations() == all_versions());
    }
    sqlite::connection raw{path, SQLITE_OPEN_READWRITE};
    CHECK(scalar(raw, "SELECT count(*) FROM schema_migrations") ==
          static_cast<std::int64_t>(all_versions().size()));
    // Recognisable applied_at, to see that a reopen does not apply (and re-record) again.
    raw.exec("UPDATE schema_migrations SET applied_at = 42");
    {
        sqlite::statement mode{raw, "PRAGMA journal_mode"};
        REQUIRE(mode.step());
        CHECK(mode.string(0) == "wal");
    }
    {
        auto s = store::open(path);
        CHECK(s->applied_migrations() == all_versions());
    }
    CHECK(scalar(raw, "SELECT count(*) FROM schema_migrations WHERE applied_at = 42") ==
          static_cast<std::int64_t>(all_versions().size()));
    CHECK(scalar(raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                      "name IN ('targets', 'observations', 'findings', 'finding_events', "
                      "'schedule')") == 5);
    // STRICT: a wrong type is refused, not converted.
    CHECK_THROWS_AS(raw.exec("INSERT INTO schedule VALUES ('t', 'p', 'soon', 0)"), sqlite::error);
}

TEST_CASE("a failing migration is rolled back and not recorded, the earlier ones stay") {
    temp_dir dir;
    sqlite::connection db{dir.file("m.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
    const std::array<schema::migration, 2> migrations{{
        {1, "first", "CREATE TABLE first (x INTEGER) STRICT;"},
        {2, "broken", "CREATE TABLE second (x INTEGER) STRICT; INSERT INTO missing VALUES (1);"},
    }};
    try {
        schema::apply_migrations(db, migrations, 7);
        FAIL("a broken migration was applied");
    } catch (const sqlite::error& e) {
        CHECK(std::string{e.what()}.find("migration 2_broken") != std::string::npos);
        CHECK(std::string{e.what()}.find("no such table: missing") != std::string::npos);
    }
    CHECK(schema::applied_versions(db) == std::vector<int>{1});
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'second'") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'first'") == 1);
    // Fixed, it applies on the next start, and only the missing one.
    const std::array<schema::migration, 2> fixed{{
        migrations[0],
        {2, "broken", "CREATE TABLE second (x INTEGER) STRICT;"},
    }};
    CHECK(schema::apply_migrations(db, fixed, 8) == std::vector<int>{2});
    CHECK(schema::applied_versions(db) == std::vector<int>{1, 2});
}

TEST_CASE("a database written by a newer govmon is refused, for writing and for reading") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    store::open(path);
    {
        sqlite::connection raw{path, SQLITE_OPEN_READWRITE};
        raw.exec("INSERT INTO schema_migrations VALUES (99, 'future', 0)");
    }
    const std::string expected =
        "database schema 99 is newer than this govmon (" + std::to_string(newest_version()) + ")";
    for (auto opener : {&store::open, &store::open_readonly}) {
        try {
            opener(path);
            FAIL("a newer schema was accepted");
        } catch (const store_error& e) {
            const std::string message = e.what();
            CHECK(message.find(expected) != std::string::npos);
            CHECK(message.find(path) != std::string::npos);
        }
    }
}

TEST_CASE("a reader refuses a database that is not (yet) a govmon database") {
    temp_dir dir;
    const std::string path = dir.file("plain.db");
    {
        sqlite::connection raw{path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
        raw.exec("CREATE TABLE other (x INTEGER)");
    }
    CHECK_THROWS_WITH_AS(store::open_readonly(path), doctest::Contains("not a govmon database"),
                         store_error);
}

TEST_CASE("open on an unwritable path throws store_error naming the path") {
    temp_dir dir;
    // A path under a regular file cannot be created, even by root (tests may run as root,
    // which a chmod 0500 directory would not stop).
    const std::string blocker = dir.file("not-a-dir");
    std::ofstream{blocker} << "x";
    const std::string path = blocker + "/govmon.db";
    try {
        store::open(path);
        FAIL("opened a database under a regular file");
    } catch (const store_error& e) {
        const std::string message = e.what();
        CHECK(message.find(path) != std::string::npos);
        CHECK(message.find("unable to open database file") != std::string::npos);
    }
}

TEST_CASE("open_readonly fails clearly on a missing file and does not create it") {
    temp_dir dir;
    const std::string path = dir.file("missing.db");
    CHECK_THROWS_WITH_AS(store::open_readonly(path), doctest::Contains(path.c_str()), store_error);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("open on a file that is not a database throws and leaves the file alone") {
    temp_dir dir;
    const std::string path = dir.file("notes.db");
    const std::string junk(8192, 'j');
    std::ofstream{path, std::ios::binary} << junk;
    for (auto opener : {&store::open, &store::open_readonly}) {
        try {
            opener(path);
            FAIL("opened a file that is not a database");
        } catch (const store_error& e) {
            const std::string message = e.what();
            CHECK(message.find(path) != std::string::npos);
            CHECK(message.find("file is not a database") != std::string::npos);
        }
    }
    CHECK(std::filesystem::file_size(path) == junk.size());
}
