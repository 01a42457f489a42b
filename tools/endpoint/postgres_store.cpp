// The PostgreSQL store: each Store call is one statement in autocommit mode on a pooled connection, so
// it is one transaction, and with synchronous_commit on it returns only once the commit is durable.
// Correct with several replicas: uniqueness is the database's (ON CONFLICT, UNIQUE), never read-then-write.
#include "postgres_store.hpp"

namespace madoguchi::endpoint {

namespace {

const std::string kRecordColumns = "receipt, submission_id, key_id, created, received_at, updated_at, size, status, corrects";

// The kRecordColumns of a row, starting at column `first`.
SubmissionRecord record_of(const PgResult& r, int row, int first = 0) {
    return SubmissionRecord{r.text(row, first),          r.text(row, first + 1),    r.text(row, first + 2),
                            r.text(row, first + 3),      r.integer(row, first + 4), r.integer(row, first + 5),
                            r.integer(row, first + 6),   r.text(row, first + 7),    r.optional_text(row, first + 8)};
}

std::optional<SubmissionRecord> first_record(const PgResult& r) {
    if (r.rows() == 0) return std::nullopt;
    return record_of(r, 0);
}

}  // namespace

bool is_postgres_url(std::string_view db) { return db.starts_with("postgresql://") || db.starts_with("postgres://"); }

PostgresStore::PostgresStore(const std::string& url) : pool_(url) {
    auto db = pool_.lease();
    migrate_postgres(*db);
}

bool PostgresStore::ping() {
    try {
        auto db = pool_.lease();
        const PgResult r = db->exec("SELECT version FROM schema_version");
        return r.rows() == 1 && r.integer(0, 0) == kSchemaVersion;
    } catch (const StoreError&) {
        return false;
    }
}

InsertResult PostgresStore::insert_submission(const NewSubmission& n) {
    const SubmissionRecord& r = n.record;
    auto db = pool_.lease();
    PgParams params;
    params.text(r.submission_id).text(r.receipt).text(r.key_id).text(r.created).integer(r.received_at);
    params.integer(r.updated_at).text(r.status).bytes(n.status_token_sha256).bytes(n.envelope_sha256);
    params.integer(static_cast<std::int64_t>(n.envelope.size())).optional_text(r.corrects).bytes(n.envelope);
    try {
        // A replica inserting the same submission id at the same moment makes this wait for its commit,
        // then do nothing; a taken receipt is an error (UNIQUE), so the caller can draw another.
        const PgResult inserted = db->exec(
            "INSERT INTO submissions(submission_id, receipt, key_id, created, received_at, updated_at, status,"
            " status_token_sha256, envelope_sha256, size, corrects, envelope)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
            " ON CONFLICT (submission_id) DO NOTHING RETURNING " + kRecordColumns,
            params);
        if (inserted.rows() == 1) return {InsertResult::created, record_of(inserted, 0)};
    } catch (const PgError& e) {
        if (e.sqlstate == "23505" && e.constraint == "submissions_receipt_unique") return {InsertResult::receipt_taken, {}};
        throw;
    }
    // A statement of its own: the INSERT's snapshot predates the other replica's commit it waited for.
    const PgResult existing = db->exec(
        "SELECT envelope_sha256, " + kRecordColumns + " FROM submissions WHERE submission_id = $1",
        PgParams().text(r.submission_id));
    if (existing.rows() != 1) throw StoreError("database " + pool_.described() + ": a conflicting submission vanished");
    if (existing.digest(0, 0) != n.envelope_sha256) return {InsertResult::conflict, {}};
    return {InsertResult::duplicate, record_of(existing, 0, 1)};
}

std::optional<SubmissionRecord> PostgresStore::find_submission(std::string_view receipt) {
    auto db = pool_.lease();
    return first_record(db->exec("SELECT " + kRecordColumns + " FROM submissions WHERE receipt = $1",
                                 PgParams().text(receipt)));
}

std::optional<Digest> PostgresStore::status_token_sha256(std::string_view receipt) {
    auto db = pool_.lease();
    const PgResult r = db->exec("SELECT status_token_sha256 FROM submissions WHERE receipt = $1", PgParams().text(receipt));
    if (r.rows() == 0) return std::nullopt;
    return r.digest(0, 0);
}

std::vector<ResidentMessage> PostgresStore::messages(std::string_view receipt) {
    auto db = pool_.lease();
    const PgResult r = db->exec(
        "SELECT m.id, m.sent_at, m.sealed FROM messages m JOIN submissions s ON s.id = m.submission"
        " WHERE s.receipt = $1 ORDER BY m.id",
        PgParams().text(receipt));
    std::vector<ResidentMessage> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back({r.integer(row, 0), r.integer(row, 1), r.text(row, 2)});
    return out;
}

std::vector<SubmissionRecord> PostgresStore::list_submissions(std::optional<std::string_view> status) {
    auto db = pool_.lease();
    PgParams params;
    if (status) params.text(*status);
    const PgResult r = db->exec(
        "SELECT " + kRecordColumns + " FROM submissions" + (status ? " WHERE status = $1" : "") + " ORDER BY id",
        params);
    std::vector<SubmissionRecord> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(record_of(r, row));
    return out;
}

std::optional<std::string> PostgresStore::envelope(std::string_view receipt) {
    auto db = pool_.lease();
    const PgResult r = db->exec("SELECT envelope FROM submissions WHERE receipt = $1", PgParams().text(receipt));
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

std::optional<SubmissionRecord> PostgresStore::change_status(const StatusChange& change) {
    auto db = pool_.lease();
    // One statement, so one transaction: the new status, its audit row and the message land together.
    // The UPDATE's row lock orders two staff members changing the same submission on two replicas.
    const PgResult r = db->exec(
        "WITH changed AS ("
        "  UPDATE submissions SET status = $2, updated_at = $3 WHERE receipt = $1"
        "  RETURNING id, " + kRecordColumns + "),"
        " audit AS ("
        "  INSERT INTO status_changes(submission, status, changed_at, staff) SELECT id, $2, $3, $4 FROM changed),"
        " message AS ("
        "  INSERT INTO messages(submission, sent_at, sealed) SELECT id, $3, $5 FROM changed WHERE $5 IS NOT NULL)"
        " SELECT " + kRecordColumns + " FROM changed",
        PgParams().text(change.receipt).text(change.status).integer(change.at).text(change.staff).optional_bytes(
            change.sealed_message));
    return first_record(r);
}

bool PostgresStore::put_staff_token(std::string_view name, const Digest& token_sha256, std::int64_t at) {
    auto db = pool_.lease();
    const PgResult r = db->exec(
        "WITH previous AS (SELECT 1 FROM staff_tokens WHERE name = $1)"
        " INSERT INTO staff_tokens(name, token_sha256, created_at) VALUES ($1, $2, $3)"
        " ON CONFLICT (name) DO UPDATE SET token_sha256 = excluded.token_sha256, created_at = excluded.created_at"
        " RETURNING (SELECT count(*) FROM previous)",
        PgParams().text(name).bytes(token_sha256).integer(at));
    return r.integer(0, 0) > 0;
}

std::vector<StaffToken> PostgresStore::staff_tokens() {
    auto db = pool_.lease();
    const PgResult r = db->exec("SELECT name, token_sha256 FROM staff_tokens ORDER BY id");
    std::vector<StaffToken> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back({r.text(row, 0), r.digest(row, 1)});
    return out;
}

void PostgresStore::add_rating(std::string_view procedure, std::string_view month, int score) {
    auto db = pool_.lease();
    // A replica adding to the same counter at the same moment makes this wait for its commit, then add
    // to the committed count: ON CONFLICT DO UPDATE never loses an increment.
    db->exec(
        "INSERT INTO rating_counts(month, procedure, score, count) VALUES ($1, $2, $3, 1)"
        " ON CONFLICT (month, procedure, score) DO UPDATE SET count = rating_counts.count + 1",
        PgParams().text(month).text(procedure).integer(score));
}

std::vector<RatingCounts> PostgresStore::ratings(std::optional<std::string_view> month) {
    auto db = pool_.lease();
    PgParams params;
    if (month) params.text(*month);
    const PgResult r = db->exec(std::string("SELECT month, procedure, score, count FROM rating_counts") +
                                    (month ? " WHERE month = $1" : "") + " ORDER BY month, procedure, score",
                                params);
    std::vector<RatingCounts> out;
    for (int row = 0; row < r.rows(); ++row) {
        if (out.empty() || out.back().month != r.text(row, 0) || out.back().procedure != r.text(row, 1)) {
            out.push_back({r.text(row, 1), r.text(row, 0), {}});
        }
        out.back().counts.at(static_cast<std::size_t>(r.integer(row, 2) - 1)) = r.integer(row, 3);
    }
    return out;
}

}  // namespace madoguchi::endpoint
