// The SQLite schema as forward-only migrations tracked in PRAGMA user_version. Shipped steps are never
// edited, only appended, so every database file can be brought forward from whatever version it holds.
// Types stay within what PostgreSQL reads the same way (TEXT, INTEGER as BIGINT, BLOB as BYTEA).
#include "digest.hpp"
#include "receipt.hpp"
#include "sqlite_store.hpp"
#include "tokens.hpp"
#include "utc_time.hpp"

#include "crypto/envelope.hpp"

#include <span>
#include <vector>

namespace madoguchi::endpoint {

namespace {

// 1: a submission is stored only as its sealed envelope plus the facts needed to file it.
void to_version_1(SqliteDb& db) {
    db.exec(
        "CREATE TABLE submissions("
        " id INTEGER PRIMARY KEY,"
        " submission_id TEXT NOT NULL UNIQUE,"
        " key_id TEXT NOT NULL,"
        " received_at INTEGER NOT NULL,"
        " envelope BLOB NOT NULL)");
}

// Rows from version 1 never had a receipt or a token: they get a receipt for staff, and the hash of a
// token nobody holds, so no resident can read their status (none was ever told a receipt).
void copy_version_1_rows(SqliteDb& db) {
    auto old_rows = db.prepare("SELECT id, submission_id, key_id, received_at, envelope FROM submissions_v1 ORDER BY id");
    while (old_rows.step()) {
        const std::string envelope = old_rows.blob(4);
        const auto header = crypto::read_envelope_header(
            std::span(reinterpret_cast<const std::uint8_t*>(envelope.data()), envelope.size()));
        const std::int64_t received_at = old_rows.integer(3);
        const std::string created = std::holds_alternative<crypto::EnvelopeHeader>(header)
                                        ? std::get<crypto::EnvelopeHeader>(header).created
                                        : utc_time(received_at);
        const std::string submission_id = old_rows.text(1), key_id = old_rows.text(2);
        const Digest nobody = sha256(new_token()), envelope_sha256 = sha256(envelope);
        for (bool unique_failed = true; unique_failed;) {
            const std::string receipt = new_receipt();
            auto insert = db.prepare(
                "INSERT INTO submissions(id, submission_id, receipt, key_id, created, received_at, updated_at, status,"
                " status_token_sha256, envelope_sha256, size, envelope)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 'new', ?7, ?8, ?9, ?10)");
            insert.bind(1, old_rows.integer(0)).bind(2, submission_id).bind(3, receipt).bind(4, key_id);
            insert.bind(5, created).bind(6, received_at).bind_blob(7, nobody).bind_blob(8, envelope_sha256);
            insert.bind(9, static_cast<std::int64_t>(envelope.size())).bind_blob(10, envelope);
            insert.step_unique(unique_failed);
        }
    }
}

// 2: receipts, status tokens (hashed), statuses and their audit trail, sealed messages to the resident,
// corrections linked to the submission they answer, and hashed staff tokens.
void to_version_2(SqliteDb& db) {
    db.exec(
        "ALTER TABLE submissions RENAME TO submissions_v1;"
        "CREATE TABLE submissions("
        " id INTEGER PRIMARY KEY,"
        " submission_id TEXT NOT NULL UNIQUE,"
        " receipt TEXT NOT NULL UNIQUE,"
        " key_id TEXT NOT NULL,"
        " created TEXT NOT NULL,"
        " received_at INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL,"
        " status TEXT NOT NULL CHECK (status IN"
        "  ('new', 'received', 'reviewing', 'correction_requested', 'completed', 'rejected')),"
        " status_token_sha256 BLOB NOT NULL,"
        " envelope_sha256 BLOB NOT NULL,"
        " size INTEGER NOT NULL,"
        " corrects TEXT,"
        " envelope BLOB NOT NULL);"
        "CREATE INDEX submissions_by_status ON submissions(status, id);"
        "CREATE TABLE status_changes("
        " id INTEGER PRIMARY KEY,"
        " submission INTEGER NOT NULL REFERENCES submissions(id),"
        " status TEXT NOT NULL,"
        " changed_at INTEGER NOT NULL,"
        " staff TEXT NOT NULL);"
        "CREATE INDEX status_changes_by_submission ON status_changes(submission, id);"
        "CREATE TABLE messages("
        " id INTEGER PRIMARY KEY,"
        " submission INTEGER NOT NULL REFERENCES submissions(id),"
        " sent_at INTEGER NOT NULL,"
        " sealed BLOB NOT NULL);"
        "CREATE INDEX messages_by_submission ON messages(submission, id);"
        "CREATE TABLE staff_tokens("
        " id INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL UNIQUE,"
        " token_sha256 BLOB NOT NULL UNIQUE,"
        " created_at INTEGER NOT NULL)");

    copy_version_1_rows(db);
    db.exec("DROP TABLE submissions_v1");
}

// 3: residents' ratings, as counters only. WITHOUT ROWID, so not even a row's number tells in which order
// counters first appeared; the CHECKs keep anything finer than a month out, whoever writes the row.
void to_version_3(SqliteDb& db) {
    db.exec(
        "CREATE TABLE rating_counts("
        " month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),"
        " procedure TEXT NOT NULL,"
        " score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),"
        " count INTEGER NOT NULL CHECK (count > 0),"
        " PRIMARY KEY (month, procedure, score)) WITHOUT ROWID");
}

using Migration = void (*)(SqliteDb&);
// Entry i moves the schema from version i to i + 1.
constexpr Migration kMigrations[] = {to_version_1, to_version_2, to_version_3};
static_assert(std::size(kMigrations) == kSqliteSchemaVersion, "kSqliteSchemaVersion must equal the number of migrations");

int user_version(SqliteDb& db) {
    auto s = db.prepare("PRAGMA user_version");
    s.step();
    return static_cast<int>(s.integer(0));
}

}  // namespace

void migrate_sqlite(SqliteDb& db) {
    // IMMEDIATE takes the write lock up front, so two servers starting together cannot both migrate.
    SqliteTransaction transaction(db);
    const int from = user_version(db);
    if (from > kSqliteSchemaVersion) {
        throw StoreError("the database " + db.path() + " has schema version " + std::to_string(from) +
                         ", newer than this build's " + std::to_string(kSqliteSchemaVersion) +
                         "; run a newer madoguchi-endpoint");
    }
    for (int v = from; v < kSqliteSchemaVersion; ++v) kMigrations[v](db);
    if (from != kSqliteSchemaVersion) db.exec(("PRAGMA user_version=" + std::to_string(kSqliteSchemaVersion)).c_str());
    transaction.commit();
}

}  // namespace madoguchi::endpoint
