#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

// A thin RAII layer over the SQLite C API, so that store.cpp never handles a raw handle or a
// result code. Everything here throws sqlite::error; the store adds the path and the operation.
namespace govmon::sqlite {

struct error : std::runtime_error {
    error(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    // The extended result code (SQLITE_BUSY, SQLITE_CONSTRAINT_CHECK, ...).
    int code() const noexcept { return code_; }

private:
    int code_;
};

class connection {
public:
    // `flags` are sqlite3_open_v2 flags.
    connection(const std::string& path, int flags);
    ~connection();
    connection(connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
    connection& operator=(connection&& other) noexcept;
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    sqlite3* handle() const noexcept { return db_; }
    // Runs one or more statements that return no rows of interest (DDL, PRAGMA, BEGIN).
    void exec(const std::string& sql);
    void busy_timeout(int milliseconds);
    [[noreturn]] void fail(int rc, std::string_view context) const;

private:
    sqlite3* db_ = nullptr;
};

class statement {
public:
    // `persistent` hints SQLite that the statement is cached and reused for a long time.
    statement(connection& db, std::string_view sql, bool persistent = false);
    ~statement();
    statement(statement&& other) noexcept
        : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}
    statement& operator=(statement&&) = delete;
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    // Parameters are 1-based, as in SQL (?1, ?2, ...). Text is copied (SQLITE_TRANSIENT): a
    // caller's temporary may die before step().
    statement& bind(int index, std::int64_t value);
    statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    statement& bind(int index, std::string_view value);
    statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view{value});
    }
    statement& bind(int index, const char* value) { return bind(index, std::string_view{value}); }
    statement& bind(int index, std::nullopt_t);
    template <typename T> statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }
    template <typename... Args> statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // true: a row is available; false: done. Throws on any error.
    bool step();
    // Runs a statement that returns no rows, then resets it.
    void run();
    // Back to the start with no bindings. A statement left mid-way would keep its read
    // snapshot and stop WAL checkpoints, so every use ends here (see `use`).
    void reset() noexcept;

    bool is_null(int column) const noexcept;
    std::int64_t int64(int column) const noexcept;
    // Valid until the next step() or reset(); no copy, which is what lets export stream.
    std::string_view text(int column) const noexcept;
    std::string string(int column) const { return std::string{text(column)}; }
    std::optional<std::int64_t> optional_int64(int column) const noexcept;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Resets a (cached) statement when the scope ends, normally or by an exception.
class use {
public:
    explicit use(statement& s) noexcept : s_(s) {}
    ~use() { s_.reset(); }
    use(const use&) = delete;
    use& operator=(const use&) = delete;
    statement* operator->() const noexcept { return &s_; }
    statement& operator*() const noexcept { return s_; }

private:
    statement& s_;
};

// BEGIN ... COMMIT; rolls back when destroyed uncommitted (an exception on the way out).
class transaction {
public:
    enum class mode { deferred, immediate };
    // Writers take `immediate`: the write lock is taken up front, so a busy database waits
    // in busy_timeout here rather than failing later on a read-to-write upgrade.
    explicit transaction(connection& db, mode m = mode::immediate);
    ~transaction();
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    void commit();

private:
    connection& db_;
    bool done_ = false;
};

} // namespace govmon::sqlite
