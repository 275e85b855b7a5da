#include "daemon/store/sqlite.hpp"

#include <sqlite3.h>

namespace govmon::sqlite {

connection::connection(const std::string& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        // A handle is returned even on failure (unless out of memory); it carries the message.
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        // The store names the path; this layer reports what SQLite said.
        throw error(rc, message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

connection::~connection() {
    // close_v2 never fails on a valid handle: unfinalized statements only delay the close.
    sqlite3_close_v2(db_);
}

connection& connection::operator=(connection&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

void connection::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw error(sqlite3_extended_errcode(db_), text);
    }
}

void connection::busy_timeout(int milliseconds) {
    if (const int rc = sqlite3_busy_timeout(db_, milliseconds); rc != SQLITE_OK)
        fail(rc, "busy_timeout");
}

void connection::fail(int rc, std::string_view context) const {
    const int code = db_ ? sqlite3_extended_errcode(db_) : rc;
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    throw error(code, std::string{context} + ": " + message);
}

statement::statement(connection& db, std::string_view sql, bool persistent) : db_(db.handle()) {
    const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), flags, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, "prepare \"" + std::string{sql} + "\"");
}

statement::~statement() {
    sqlite3_finalize(stmt_);
}

namespace {

[[noreturn]] void fail_statement(sqlite3* db, sqlite3_stmt* stmt, std::string_view what) {
    std::string message = sqlite3_errmsg(db);
    const char* sql = sqlite3_sql(stmt);
    throw error(sqlite3_extended_errcode(db),
                std::string{what} + ": " + message + " (in \"" + (sql ? sql : "") + "\")");
}

} // namespace

statement& statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK)
        fail_statement(db_, stmt_, "bind");
    return *this;
}

statement& statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK)
        fail_statement(db_, stmt_, "bind");
    return *this;
}

statement& statement::bind(int index, std::nullopt_t) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK)
        fail_statement(db_, stmt_, "bind");
    return *this;
}

bool statement::step() {
    switch (sqlite3_step(stmt_)) {
    case SQLITE_ROW:
        return true;
    case SQLITE_DONE:
        return false;
    default:
        fail_statement(db_, stmt_, "step");
    }
}

void statement::run() {
    use guard{*this};
    while (step()) {
    }
}

void statement::reset() noexcept {
    // reset() repeats the last step's error code, which step() has already reported.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool statement::is_null(int column) const noexcept {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t statement::int64(int column) const noexcept {
    return sqlite3_column_int64(stmt_, column);
}

std::string_view statement::text(int column) const noexcept {
    // Ask for the text before its length: the conversion may change the byte count.
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!data)
        return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::int64_t> statement::optional_int64(int column) const noexcept {
    if (is_null(column))
        return std::nullopt;
    return int64(column);
}

transaction::transaction(connection& db, mode m) : db_(db) {
    db_.exec(m == mode::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

transaction::~transaction() {
    if (done_)
        return;
    // A failed statement may already have rolled the transaction back; then there is nothing
    // left to undo and ROLLBACK's own error is meaningless.
    if (!sqlite3_get_autocommit(db_.handle()))
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace govmon::sqlite
