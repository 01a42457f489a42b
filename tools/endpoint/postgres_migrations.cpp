// The PostgreSQL schema as forward-only migrations tracked in the table schema_version. Shipped steps are
// never edited, only appended, in step with sqlite_migrations.cpp: the same version is the same schema.
#include "postgres_store.hpp"

#include <iterator>

namespace madoguchi::endpoint {

namespace {

struct Migration {
    int version;      // the schema version this step brings the database to
    const char* sql;  // statements run in the migration's transaction
};

// PostgreSQL support began at version 2, so an empty database goes straight there. Receipts, hashed
// status tokens, statuses and their audit trail, sealed messages to the resident, corrections linked to
// the submission they answer, and hashed staff tokens, as in SQLite's version 2.
constexpr Migration kMigrations[] = {
    {2,
     "CREATE TABLE submissions("
     " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
     " submission_id text NOT NULL CONSTRAINT submissions_submission_id_unique UNIQUE,"
     " receipt text NOT NULL CONSTRAINT submissions_receipt_unique UNIQUE,"
     " key_id text NOT NULL,"
     " created text NOT NULL,"
     " received_at bigint NOT NULL,"
     " updated_at bigint NOT NULL,"
     " status text NOT NULL CHECK (status IN"
     "  ('new', 'received', 'reviewing', 'correction_requested', 'completed', 'rejected')),"
     " status_token_sha256 bytea NOT NULL,"
     " envelope_sha256 bytea NOT NULL,"
     " size bigint NOT NULL,"
     " corrects text,"
     " envelope bytea NOT NULL);"
     "CREATE INDEX submissions_by_status ON submissions(status, id);"
     "CREATE TABLE status_changes("
     " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
     " submission bigint NOT NULL REFERENCES submissions(id),"
     " status text NOT NULL,"
     " changed_at bigint NOT NULL,"
     " staff text NOT NULL);"
     "CREATE INDEX status_changes_by_submission ON status_changes(submission, id);"
     "CREATE TABLE messages("
     " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
     " submission bigint NOT NULL REFERENCES submissions(id),"
     " sent_at bigint NOT NULL,"
     " sealed bytea NOT NULL);"
     "CREATE INDEX messages_by_submission ON messages(submission, id);"
     "CREATE TABLE staff_tokens("
     " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
     " name text NOT NULL UNIQUE,"
     " token_sha256 bytea NOT NULL UNIQUE,"
     " created_at bigint NOT NULL)"},
    // Residents' ratings, as counters only, as in SQLite's version 3: no identity column, and CHECKs that
    // keep anything finer than a month out, whoever writes the row.
    {3,
     "CREATE TABLE rating_counts("
     " month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-1][0-9]$'),"
     " procedure text NOT NULL,"
     " score bigint NOT NULL CHECK (score BETWEEN 1 AND 5),"
     " count bigint NOT NULL CHECK (count > 0),"
     " PRIMARY KEY (month, procedure, score))"},
};
static_assert(std::size(kMigrations) > 0 && std::end(kMigrations)[-1].version == kPostgresSchemaVersion,
              "the last migration must bring the schema to kPostgresSchemaVersion");

// Any 64-bit number no other program on the database uses as an advisory lock: "madoguch" in ASCII.
constexpr std::int64_t kMigrationLock = 0x6d61646f67756368;

}  // namespace

void migrate_postgres(PgConnection& db) {
    db.run("BEGIN");
    // Held until COMMIT: a replica starting at the same moment waits here, then finds the work done.
    db.exec("SELECT pg_advisory_xact_lock($1)", PgParams().integer(kMigrationLock));
    db.run("CREATE TABLE IF NOT EXISTS schema_version(version bigint NOT NULL)");
    const PgResult current = db.exec("SELECT version FROM schema_version");
    const std::int64_t from = current.rows() == 0 ? 0 : current.integer(0, 0);
    if (from > kPostgresSchemaVersion) {
        throw StoreError("the database " + db.described() + " has schema version " + std::to_string(from) +
                         ", newer than this build's " + std::to_string(kPostgresSchemaVersion) +
                         "; run a newer madoguchi-endpoint");
    }
    for (const Migration& step : kMigrations) {
        if (step.version > from) db.run(step.sql);
    }
    const PgParams version = PgParams().integer(kPostgresSchemaVersion);
    if (current.rows() == 0) {
        db.exec("INSERT INTO schema_version(version) VALUES ($1)", version);
    } else if (from != kPostgresSchemaVersion) {
        db.exec("UPDATE schema_version SET version = $1", version);
    }
    db.run("COMMIT");
}

}  // namespace madoguchi::endpoint
