// The SQLite store: opens (or creates) the database file, applies the durability settings and
// migrates the schema; one connection shared by all threads under a mutex, and inserts that arrive
// together committed together (group_commit.hpp).
#pragma once

#include "group_commit.hpp"
#include "sqlite_db.hpp"
#include "store.hpp"

#include <filesystem>
#include <mutex>
#include <span>
#include <string>

namespace madoguchi::endpoint {

// Schema version this build migrates to; PRAGMA user_version holds the file's version.
inline constexpr int kSqliteSchemaVersion = 3;

// Brings the file's schema forward to kSqliteSchemaVersion in one transaction (sqlite_migrations.cpp).
// Throws StoreError for a file from a newer build.
void migrate_sqlite(SqliteDb& db);

class SqliteStore final : public Store {
public:
    static constexpr int kSchemaVersion = kSqliteSchemaVersion;

    // Throws StoreError when the file cannot be opened, configured or migrated.
    explicit SqliteStore(const std::filesystem::path& file);

    bool ping() override;
    // Waits for the transaction that holds this submission and the others that arrive meanwhile.
    InsertResult insert_submission(const NewSubmission& submission) override;
    // Writes the rows in one transaction, each as if alone: what a group commit runs. A row that fails
    // gets its own error and leaves nothing behind; when the transaction fails, every row gets its error.
    void insert_batch(std::span<QueuedInsert* const> rows);
    std::optional<SubmissionRecord> find_submission(std::string_view receipt) override;
    std::optional<Digest> status_token_sha256(std::string_view receipt) override;
    std::vector<ResidentMessage> messages(std::string_view receipt) override;
    std::vector<SubmissionRecord> list_submissions(std::optional<std::string_view> status) override;
    std::optional<std::string> envelope(std::string_view receipt) override;
    std::optional<SubmissionRecord> change_status(const StatusChange& change) override;
    bool put_staff_token(std::string_view name, const Digest& token_sha256, std::int64_t at) override;
    std::vector<StaffToken> staff_tokens() override;
    void add_rating(std::string_view procedure, std::string_view month, int score) override;
    std::vector<RatingCounts> ratings(std::optional<std::string_view> month) override;

private:
    InsertResult insert_locked(const NewSubmission& submission, SqliteStatement& insert);
    std::optional<SubmissionRecord> find_locked(std::string_view column, std::string_view value);

    std::mutex mutex_;
    SqliteDb db_;
    GroupCommit group_commit_{[this](std::span<QueuedInsert* const> rows) { insert_batch(rows); }};
};

}  // namespace madoguchi::endpoint
