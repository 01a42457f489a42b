// A thin C++ face on one SQLite connection: statements that finalize themselves, typed binds and
// columns, transactions that roll back unless committed. Every failure is a StoreError naming the file.
#pragma once

#include "store.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace madoguchi::endpoint {

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& path, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters are numbered from 1, as in SQL's ?1. Text and blobs must outlive the statement's steps.
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind_blob(int index, std::string_view bytes);
    SqliteStatement& bind_blob(int index, const Digest& digest);
    SqliteStatement& bind_optional(int index, const std::optional<std::string>& text);

    // True for a row, false when done.
    bool step();
    // Ready to step again from the start, with no parameters bound; a failure of the last step was
    // already thrown by step().
    void reset();
    // Like step(), but a UNIQUE constraint failure gives false and sets `unique_failed` instead of throwing.
    bool step_unique(bool& unique_failed);

    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;
    std::int64_t integer(int column) const;
    std::string blob(int column) const;
    Digest digest(int column) const;

private:
    [[noreturn]] void fail() const;

    sqlite3* db_;
    const std::string& path_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDb {
public:
    // Opens (creating the file if missing); throws StoreError with the file name.
    explicit SqliteDb(const std::filesystem::path& file);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    void exec(const char* sql);
    SqliteStatement prepare(std::string_view sql) { return SqliteStatement(db_, path_, sql); }
    std::int64_t changes() const;
    // True between BEGIN and COMMIT, and false again once SQLite has rolled back by itself (as it may
    // after an I/O error or a full disk).
    bool in_transaction() const;
    const std::string& path() const { return path_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

// BEGIN IMMEDIATE (the write lock up front, so two writers never deadlock on an upgrade); ROLLBACK
// on destruction unless commit() ran.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDb& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteDb& db_;
    bool done_ = false;
};

}  // namespace madoguchi::endpoint
