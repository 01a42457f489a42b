// The SQLite store: opens (or creates) the database file, applies the durability settings and
// migrates the schema; one connection shared by all I/O threads under a mutex.
#pragma once

#include "store.hpp"

#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>

struct sqlite3;

namespace madoguchi::endpoint {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SqliteStore final : public Store {
public:
    // Schema version this build migrates to; PRAGMA user_version holds the file's version.
    static constexpr int kSchemaVersion = 1;

    // Throws StoreError when the file cannot be opened, configured or migrated.
    explicit SqliteStore(const std::filesystem::path& file);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    bool ping() override;

private:
    void exec(const char* sql);
    std::string journal_mode();
    int user_version();
    void migrate();

    std::mutex mutex_;
    sqlite3* db_ = nullptr;
    std::string path_;
};

}  // namespace madoguchi::endpoint
