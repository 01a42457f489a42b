// The SQLite store: durable settings on every open, and forward-only schema migrations
// tracked in PRAGMA user_version.
#include "sqlite_store.hpp"

#include <sqlite3.h>

#include <iterator>
#include <system_error>

namespace madoguchi::endpoint {

namespace {

// Entry i moves the schema from version i to i + 1. Shipped entries are never edited, only appended,
// so every database file can be brought forward from whatever version it holds.
constexpr const char* kMigrations[] = {
    // 1: a submission is stored only as its sealed envelope plus the facts needed to file it.
    "CREATE TABLE submissions("
    " id INTEGER PRIMARY KEY,"
    " submission_id TEXT NOT NULL UNIQUE,"
    " key_id TEXT NOT NULL,"
    " received_at INTEGER NOT NULL,"
    " envelope BLOB NOT NULL)",
};
static_assert(std::size(kMigrations) == SqliteStore::kSchemaVersion,
              "kSchemaVersion must equal the number of migrations");

// Finalizes a prepared statement on every path out of a scope.
struct Statement {
    sqlite3_stmt* stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

}  // namespace

SqliteStore::SqliteStore(const std::filesystem::path& file) : path_(file.string()) {
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            throw StoreError("cannot create the folder " + file.parent_path().string() +
                             " for the database: " + ec.message());
        }
    }
    // NOMUTEX: mutex_ already serialises every use of the connection.
    const int rc = sqlite3_open_v2(path_.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreError("cannot open the database " + path_ + ": " + message);
    }
    try {
        // busy_timeout first, so the switch to WAL waits for another process instead of failing.
        exec("PRAGMA busy_timeout=5000");
        exec("PRAGMA journal_mode=WAL");
        if (journal_mode() != "wal") {
            throw StoreError("the database " + path_ +
                             " cannot use WAL mode (is it on a network file system?); put it on a local disk");
        }
        // synchronous and foreign_keys are per connection, so they are set on every open.
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (...) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw;
    }
}

SqliteStore::~SqliteStore() {
    // The last connection to close checkpoints the WAL into the main file.
    sqlite3_close_v2(db_);
}

bool SqliteStore::ping() {
    std::lock_guard lock(mutex_);
    try {
        return user_version() == kSchemaVersion;
    } catch (const StoreError&) {
        return false;
    }
}

void SqliteStore::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StoreError("database " + path_ + ": " + message + " (in: " + sql + ")");
    }
}

std::string SqliteStore::journal_mode() {
    Statement s;
    if (sqlite3_prepare_v2(db_, "PRAGMA journal_mode", -1, &s.stmt, nullptr) != SQLITE_OK ||
        sqlite3_step(s.stmt) != SQLITE_ROW) {
        throw StoreError("database " + path_ + ": " + sqlite3_errmsg(db_));
    }
    const auto* text = sqlite3_column_text(s.stmt, 0);
    return text ? reinterpret_cast<const char*>(text) : "";
}

int SqliteStore::user_version() {
    Statement s;
    if (sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &s.stmt, nullptr) != SQLITE_OK ||
        sqlite3_step(s.stmt) != SQLITE_ROW) {
        throw StoreError("database " + path_ + ": " + sqlite3_errmsg(db_));
    }
    return sqlite3_column_int(s.stmt, 0);
}

void SqliteStore::migrate() {
    // IMMEDIATE takes the write lock up front, so two servers starting together cannot both migrate.
    exec("BEGIN IMMEDIATE");
    try {
        const int from = user_version();
        if (from > kSchemaVersion) {
            throw StoreError("the database " + path_ + " has schema version " + std::to_string(from) +
                             ", newer than this build's " + std::to_string(kSchemaVersion) +
                             "; run a newer madoguchi-endpoint");
        }
        for (int v = from; v < kSchemaVersion; ++v) {
            exec(kMigrations[v]);
        }
        if (from != kSchemaVersion) {
            exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
        }
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

}  // namespace madoguchi::endpoint
