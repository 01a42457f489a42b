// The SQLite C API behind sqlite_db.hpp: prepare/bind/step/column, with errors turned into StoreError.
#include "sqlite_db.hpp"

#include <sqlite3.h>

#include <cstring>

namespace madoguchi::endpoint {

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& path, std::string_view sql) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) fail();
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::fail() const { throw StoreError("database " + path_ + ": " + sqlite3_errmsg(db_)); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK) fail();
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail();
    return *this;
}

SqliteStatement& SqliteStatement::bind_blob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC) != SQLITE_OK) fail();
    return *this;
}

SqliteStatement& SqliteStatement::bind_blob(int index, const Digest& digest) {
    if (sqlite3_bind_blob(stmt_, index, digest.data(), static_cast<int>(digest.size()), SQLITE_STATIC) != SQLITE_OK) {
        fail();
    }
    return *this;
}

SqliteStatement& SqliteStatement::bind_optional(int index, const std::optional<std::string>& text) {
    if (text) return bind(index, std::string_view(*text));
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail();
    return *this;
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail();
}

void SqliteStatement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::step_unique(bool& unique_failed) {
    const int rc = sqlite3_step(stmt_);
    unique_failed = false;
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_UNIQUE) {
        unique_failed = true;
        return false;
    }
    fail();
}

std::string SqliteStatement::text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
}

std::optional<std::string> SqliteStatement::optional_text(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return text(column);
}

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string SqliteStatement::blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return data ? std::string(static_cast<const char*>(data), size) : std::string();
}

Digest SqliteStatement::digest(int column) const {
    Digest out{};
    const void* data = sqlite3_column_blob(stmt_, column);
    if (data && static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)) == out.size()) {
        std::memcpy(out.data(), data, out.size());
    }
    return out;
}

SqliteDb::SqliteDb(const std::filesystem::path& file) : path_(file.string()) {
    // NOMUTEX: the store's own mutex already serialises every use of the connection.
    const int rc = sqlite3_open_v2(path_.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        throw StoreError("cannot open the database " + path_ + ": " + message);
    }
}

SqliteDb::~SqliteDb() {
    // The last connection to close checkpoints the WAL into the main file.
    sqlite3_close_v2(db_);
}

void SqliteDb::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StoreError("database " + path_ + ": " + message + " (in: " + std::string(sql).substr(0, 80) + ")");
    }
}

std::int64_t SqliteDb::changes() const { return sqlite3_changes64(db_); }

bool SqliteDb::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

SqliteTransaction::SqliteTransaction(SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

SqliteTransaction::~SqliteTransaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (const StoreError&) {
        // SQLite already rolled back (e.g. after an I/O error): nothing is left to undo.
    }
}

void SqliteTransaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace madoguchi::endpoint
