// The SQLite store: durable settings on every open, then one query or transaction per Store call, each
// under the mutex, except that inserts arriving together share one transaction. With synchronous=FULL
// in WAL mode a commit returns only once the WAL is on disk.
#include "sqlite_store.hpp"

#include <system_error>

namespace madoguchi::endpoint {

namespace {

constexpr std::string_view kRecordColumns =
    "SELECT receipt, submission_id, key_id, created, received_at, updated_at, size, status, corrects FROM submissions";

// A submission id already stored is no error here (DO NOTHING); a taken receipt is (UNIQUE), so the
// caller can draw another.
constexpr std::string_view kInsertSubmission =
    "INSERT INTO submissions(submission_id, receipt, key_id, created, received_at, updated_at, status,"
    " status_token_sha256, envelope_sha256, size, corrects, envelope)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(submission_id) DO NOTHING";

// Prepared once per batch and stepped for each of its rows.
struct BatchStatements {
    SqliteStatement insert, savepoint, release, rollback_to;
};

SubmissionRecord record_of(const SqliteStatement& s) {
    return SubmissionRecord{s.text(0),    s.text(1),    s.text(2), s.text(3),         s.integer(4),
                            s.integer(5), s.integer(6), s.text(7), s.optional_text(8)};
}

const std::filesystem::path& with_folder(const std::filesystem::path& file) {
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) {
            throw StoreError("cannot create the folder " + file.parent_path().string() +
                             " for the database: " + ec.message());
        }
    }
    return file;
}

}  // namespace

SqliteStore::SqliteStore(const std::filesystem::path& file) : db_(with_folder(file)) {
    // busy_timeout first, so the switch to WAL waits for another process instead of failing.
    db_.exec("PRAGMA busy_timeout=5000");
    db_.exec("PRAGMA journal_mode=WAL");
    if (auto mode = db_.prepare("PRAGMA journal_mode"); !mode.step() || mode.text(0) != "wal") {
        throw StoreError("the database " + db_.path() +
                         " cannot use WAL mode (is it on a network file system?); put it on a local disk");
    }
    // synchronous and foreign_keys are per connection, so they are set on every open.
    db_.exec("PRAGMA synchronous=FULL");
    db_.exec("PRAGMA foreign_keys=ON");
    migrate_sqlite(db_);
}

bool SqliteStore::ping() {
    std::lock_guard lock(mutex_);
    try {
        auto s = db_.prepare("PRAGMA user_version");
        return s.step() && s.integer(0) == kSchemaVersion;
    } catch (const StoreError&) {
        return false;
    }
}

std::optional<SubmissionRecord> SqliteStore::find_locked(std::string_view column, std::string_view value) {
    auto s = db_.prepare(std::string(kRecordColumns) + " WHERE " + std::string(column) + " = ?1");
    s.bind(1, value);
    if (!s.step()) return std::nullopt;
    return record_of(s);
}

InsertResult SqliteStore::insert_submission(const NewSubmission& n) { return group_commit_.insert(n); }

void SqliteStore::insert_batch(std::span<QueuedInsert* const> rows) {
    std::lock_guard lock(mutex_);
    try {
        SqliteTransaction transaction(db_);
        BatchStatements s{db_.prepare(kInsertSubmission), db_.prepare("SAVEPOINT batch_row"),
                          db_.prepare("RELEASE batch_row"), db_.prepare("ROLLBACK TO batch_row")};
        for (QueuedInsert* row : rows) {
            // A savepoint per row, so a row that fails leaves nothing behind and its batch-mates go on.
            s.savepoint.step();
            s.savepoint.reset();
            try {
                row->result = insert_locked(row->submission, s.insert);
            } catch (const StoreError&) {
                if (!db_.in_transaction()) throw;
                row->error = std::current_exception();
                s.rollback_to.step();
                s.rollback_to.reset();
            }
            s.release.step();
            s.release.reset();
        }
        transaction.commit();
    } catch (const StoreError& e) {
        // The transaction failed as a whole, so none of its rows is stored, not even those that went in.
        for (QueuedInsert* row : rows) row->error = std::make_exception_ptr(StoreError(e.what()));
    }
}

InsertResult SqliteStore::insert_locked(const NewSubmission& n, SqliteStatement& insert) {
    const SubmissionRecord& r = n.record;
    // The statement serves the whole batch; a failed step leaves it halted, and binding needs it reset.
    insert.reset();
    insert.bind(1, r.submission_id).bind(2, r.receipt).bind(3, r.key_id).bind(4, r.created);
    insert.bind(5, r.received_at).bind(6, r.updated_at).bind(7, r.status);
    insert.bind_blob(8, n.status_token_sha256).bind_blob(9, n.envelope_sha256);
    insert.bind(10, static_cast<std::int64_t>(n.envelope.size())).bind_optional(11, r.corrects).bind_blob(12, n.envelope);
    bool receipt_taken = false;
    insert.step_unique(receipt_taken);
    if (receipt_taken) return {InsertResult::receipt_taken, {}};
    if (db_.changes() == 1) {
        // The row holds exactly what was bound.
        SubmissionRecord stored = r;
        stored.size = static_cast<std::int64_t>(n.envelope.size());
        return {InsertResult::created, std::move(stored)};
    }

    auto existing = db_.prepare("SELECT envelope_sha256 FROM submissions WHERE submission_id = ?1");
    existing.bind(1, r.submission_id);
    if (!existing.step()) throw StoreError("database " + db_.path() + ": a conflicting submission vanished");
    const bool same = existing.digest(0) == n.envelope_sha256;
    if (!same) return {InsertResult::conflict, {}};
    return {InsertResult::duplicate, *find_locked("submission_id", r.submission_id)};
}

std::optional<SubmissionRecord> SqliteStore::find_submission(std::string_view receipt) {
    std::lock_guard lock(mutex_);
    return find_locked("receipt", receipt);
}

std::optional<Digest> SqliteStore::status_token_sha256(std::string_view receipt) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT status_token_sha256 FROM submissions WHERE receipt = ?1");
    s.bind(1, receipt);
    if (!s.step()) return std::nullopt;
    return s.digest(0);
}

std::vector<ResidentMessage> SqliteStore::messages(std::string_view receipt) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(
        "SELECT m.id, m.sent_at, m.sealed FROM messages m JOIN submissions s ON s.id = m.submission"
        " WHERE s.receipt = ?1 ORDER BY m.id");
    s.bind(1, receipt);
    std::vector<ResidentMessage> out;
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.blob(2)});
    return out;
}

std::vector<SubmissionRecord> SqliteStore::list_submissions(std::optional<std::string_view> status) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string(kRecordColumns) + (status ? " WHERE status = ?1" : "") + " ORDER BY id");
    if (status) s.bind(1, *status);
    std::vector<SubmissionRecord> out;
    while (s.step()) out.push_back(record_of(s));
    return out;
}

std::optional<std::string> SqliteStore::envelope(std::string_view receipt) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT envelope FROM submissions WHERE receipt = ?1");
    s.bind(1, receipt);
    if (!s.step()) return std::nullopt;
    return s.blob(0);
}

std::optional<SubmissionRecord> SqliteStore::change_status(const StatusChange& change) {
    std::lock_guard lock(mutex_);
    SqliteTransaction transaction(db_);
    auto id_of = db_.prepare("SELECT id FROM submissions WHERE receipt = ?1");
    id_of.bind(1, change.receipt);
    if (!id_of.step()) return std::nullopt;
    const std::int64_t id = id_of.integer(0);

    auto update = db_.prepare("UPDATE submissions SET status = ?1, updated_at = ?2 WHERE id = ?3");
    update.bind(1, change.status).bind(2, change.at).bind(3, id);
    update.step();
    auto audit = db_.prepare("INSERT INTO status_changes(submission, status, changed_at, staff) VALUES (?1, ?2, ?3, ?4)");
    audit.bind(1, id).bind(2, change.status).bind(3, change.at).bind(4, change.staff);
    audit.step();
    if (change.sealed_message) {
        auto message = db_.prepare("INSERT INTO messages(submission, sent_at, sealed) VALUES (?1, ?2, ?3)");
        message.bind(1, id).bind(2, change.at).bind_blob(3, *change.sealed_message);
        message.step();
    }
    auto record = find_locked("receipt", change.receipt);
    transaction.commit();
    return record;
}

bool SqliteStore::put_staff_token(std::string_view name, const Digest& token_sha256, std::int64_t at) {
    std::lock_guard lock(mutex_);
    SqliteTransaction transaction(db_);
    auto existing = db_.prepare("SELECT 1 FROM staff_tokens WHERE name = ?1");
    existing.bind(1, name);
    const bool replaced = existing.step();
    auto put = db_.prepare(
        "INSERT INTO staff_tokens(name, token_sha256, created_at) VALUES (?1, ?2, ?3)"
        " ON CONFLICT(name) DO UPDATE SET token_sha256 = excluded.token_sha256, created_at = excluded.created_at");
    put.bind(1, name).bind_blob(2, token_sha256).bind(3, at);
    put.step();
    transaction.commit();
    return replaced;
}

std::vector<StaffToken> SqliteStore::staff_tokens() {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT name, token_sha256 FROM staff_tokens ORDER BY id");
    std::vector<StaffToken> out;
    while (s.step()) out.push_back({s.text(0), s.digest(1)});
    return out;
}

void SqliteStore::add_rating(std::string_view procedure, std::string_view month, int score) {
    std::lock_guard lock(mutex_);
    auto add = db_.prepare(
        "INSERT INTO rating_counts(month, procedure, score, count) VALUES (?1, ?2, ?3, 1)"
        " ON CONFLICT(month, procedure, score) DO UPDATE SET count = count + 1");
    add.bind(1, month).bind(2, procedure).bind(3, std::int64_t{score});
    add.step();
}

std::vector<RatingCounts> SqliteStore::ratings(std::optional<std::string_view> month) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string("SELECT month, procedure, score, count FROM rating_counts") +
                         (month ? " WHERE month = ?1" : "") + " ORDER BY month, procedure, score");
    if (month) s.bind(1, *month);
    std::vector<RatingCounts> out;
    while (s.step()) {
        if (out.empty() || out.back().month != s.text(0) || out.back().procedure != s.text(1)) {
            out.push_back({s.text(1), s.text(0), {}});
        }
        out.back().counts.at(static_cast<std::size_t>(s.integer(2) - 1)) = s.integer(3);
    }
    return out;
}

}  // namespace madoguchi::endpoint
