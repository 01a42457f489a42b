// The PostgreSQL store, chosen by `--db postgresql://...`: the SQLite schema in PostgreSQL types, so
// several endpoint processes (replicas behind a load balancer) can share one database.
#pragma once

#include "postgres_pool.hpp"
#include "sqlite_store.hpp"
#include "store.hpp"

#include <string>
#include <string_view>

namespace madoguchi::endpoint {

// One number names one schema in both stores: SQLite's user_version and PostgreSQL's schema_version.
inline constexpr int kPostgresSchemaVersion = 3;
static_assert(kPostgresSchemaVersion == kSqliteSchemaVersion, "a schema change is a migration in both stores");

// True for the URLs libpq reads as connection URIs: postgresql://... and postgres://...
bool is_postgres_url(std::string_view db);

// Brings the database forward to kPostgresSchemaVersion in one transaction, under an advisory lock so
// that replicas starting together migrate once (postgres_migrations.cpp). Throws StoreError for a
// database from a newer build.
void migrate_postgres(PgConnection& db);

class PostgresStore final : public Store {
public:
    static constexpr int kSchemaVersion = kPostgresSchemaVersion;

    // Connects and migrates; throws StoreError when the server cannot be reached or the schema is newer.
    explicit PostgresStore(const std::string& url);

    bool ping() override;
    InsertResult insert_submission(const NewSubmission& submission) override;
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
    PgPool pool_;
};

}  // namespace madoguchi::endpoint
