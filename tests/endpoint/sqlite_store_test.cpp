// Unit tests of what is SQLite's own in the store: settings, the schema and its migration from version 1,
// refusal of files it cannot use, and batches of inserts in one transaction (group commit). Behaviour every store shares is in store_contract_test.cpp.
#include "receipt.hpp"
#include "sqlite_store.hpp"
#include "temp_dir.hpp"

#include "crypto/envelope.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <array>
#include <string>
#include <variant>
#include <vector>

using namespace madoguchi::endpoint;

namespace {

// Runs SQL through a separate connection, as an operator's tool would, and returns the first row's
// first column.
std::string query(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* conn = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    const char* tail = sql.c_str();
    std::string result;
    // Several statements may be given; the answer is the last one's.
    while (*tail) {
        REQUIRE(sqlite3_prepare_v2(conn, tail, -1, &stmt, &tail) == SQLITE_OK);
        if (!stmt) break;
        result.clear();
        const int rc = sqlite3_step(stmt);
        REQUIRE((rc == SQLITE_ROW || rc == SQLITE_DONE));
        if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
            result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(conn);
    return result;
}

// One row of a batch, with the envelope it points into.
struct BatchRow {
    std::string envelope;
    NewSubmission submission;
    QueuedInsert queued{submission};

    BatchRow(std::string submission_id, std::string receipt, std::string bytes, std::string status = "new")
        : envelope(std::move(bytes)) {
        submission.record = SubmissionRecord{std::move(receipt), std::move(submission_id), "79427074a56e3988",
                                             "2026-11-23T09:30:00Z", 1000, 1000,
                                             static_cast<std::int64_t>(envelope.size()), std::move(status), std::nullopt};
        submission.envelope_sha256.fill(static_cast<std::uint8_t>(envelope.front()));
        submission.envelope = envelope;
    }
};

}  // namespace

TEST_CASE("endpoint store: a batch of inserts behaves as its rows one after another", "[endpoint]") {
    TempDir dir;
    SqliteStore store(dir.path() / "portal.db");
    std::array<BatchRow, 6> rows{{
        {"01JDQ80000000000000000AAAA", "RECEIPT00001", "one"},
        {"01JDQ80000000000000000AAAA", "RECEIPT00002", "one"},         // a retry: the first one's receipt
        {"01JDQ80000000000000000AAAA", "RECEIPT00003", "two"},         // same id, other bytes
        {"01JDQ80000000000000000BBBB", "RECEIPT00001", "three"},       // a receipt the first row took
        {"01JDQ80000000000000000CCCC", "RECEIPT00004", "four", "lost"},  // fails its CHECK, alone
        {"01JDQ80000000000000000DDDD", "RECEIPT00005", "five"},
    }};
    std::vector<QueuedInsert*> batch;
    for (auto& row : rows) batch.push_back(&row.queued);
    store.insert_batch(batch);

    CHECK(rows[0].queued.result.outcome == InsertResult::created);
    CHECK(rows[1].queued.result.outcome == InsertResult::duplicate);
    CHECK(rows[1].queued.result.record.receipt == "RECEIPT00001");
    CHECK(rows[2].queued.result.outcome == InsertResult::conflict);
    CHECK(rows[3].queued.result.outcome == InsertResult::receipt_taken);
    REQUIRE(rows[4].queued.error);
    CHECK_THROWS_AS(std::rethrow_exception(rows[4].queued.error), StoreError);
    CHECK(rows[5].queued.result.outcome == InsertResult::created);
    for (std::size_t i : {0, 1, 2, 3, 5}) CHECK_FALSE(rows[i].queued.error);

    std::vector<std::string> stored;
    for (const auto& r : store.list_submissions(std::nullopt)) stored.push_back(r.receipt);
    CHECK(stored == std::vector<std::string>{"RECEIPT00001", "RECEIPT00005"});
    CHECK(store.envelope("RECEIPT00001") == "one");
}

TEST_CASE("endpoint store: creates the folder, WAL mode and the versioned schema", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "nested" / "folder" / "portal.db";
    {
        SqliteStore store(db);
        CHECK(store.ping());
        CHECK(query(db, "PRAGMA journal_mode") == "wal");
        CHECK(query(db, "PRAGMA user_version") == "3");
        CHECK(query(db, "SELECT group_concat(name, ',') FROM pragma_table_info('submissions')") ==
              "id,submission_id,receipt,key_id,created,received_at,updated_at,status,status_token_sha256,"
              "envelope_sha256,size,corrects,envelope");
        CHECK(query(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' "
                        "ORDER BY name)") == "messages,rating_counts,staff_tokens,status_changes,submissions");
        CHECK(query(db, "SELECT group_concat(name, ',') FROM pragma_table_info('rating_counts')") ==
              "month,procedure,score,count");
        CHECK(query(db, "SELECT count(*) FROM pragma_index_list('submissions') WHERE \"unique\"") == "2");
    }
    CHECK(std::filesystem::exists(db));
}

TEST_CASE("endpoint store: an unknown status cannot be written, even by hand", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "portal.db";
    { SqliteStore store(db); }
    sqlite3* conn = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &conn) == SQLITE_OK);
    const int rc = sqlite3_exec(conn,
                                "INSERT INTO submissions(submission_id, receipt, key_id, created, received_at, "
                                "updated_at, status, status_token_sha256, envelope_sha256, size, envelope) "
                                "VALUES ('s', 'r', 'k', 'c', 1, 1, 'lost', x'00', x'00', 1, x'00')",
                                nullptr, nullptr, nullptr);
    sqlite3_close(conn);
    CHECK(rc == SQLITE_CONSTRAINT);
}

TEST_CASE("endpoint store: rating counters hold a month, never a finer time, even written by hand", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "portal.db";
    { SqliteStore store(db); }
    sqlite3* conn = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &conn) == SQLITE_OK);
    const auto insert = [&](const std::string& values) {
        const std::string sql = "INSERT INTO rating_counts(month, procedure, score, count) VALUES (" + values + ")";
        return sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, nullptr);
    };
    CHECK(insert("'2026-12-07', 'kokuho-kanyu', 3, 1") == SQLITE_CONSTRAINT);
    CHECK(insert("'2026-12', 'kokuho-kanyu', 6, 1") == SQLITE_CONSTRAINT);
    CHECK(insert("'2026-12', 'kokuho-kanyu', 3, 0") == SQLITE_CONSTRAINT);
    CHECK(insert("'2026-12', 'kokuho-kanyu', 3, 1") == SQLITE_OK);
    sqlite3_close(conn);
    // WITHOUT ROWID: no hidden row number that would give the order counters appeared in.
    CHECK(query(db, "SELECT count(*) FROM pragma_table_list WHERE name = 'rating_counts' AND wr = 1") == "1");
}

TEST_CASE("endpoint store: a version 1 database is migrated with its rows kept", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "portal.db";
    // The schema exactly as version 1 shipped it, with one row.
    const std::string header = madoguchi::crypto::canonical_envelope_header(
        {1, "2026-11-23T09:30:00Z", "79427074a56e3988", "01JDQ80000000000000000VEC1"});
    std::string hex;
    for (unsigned char c : std::string("MDG1\x00\x71", 6) + header) {
        static constexpr char kHex[] = "0123456789abcdef";
        hex += kHex[c >> 4];
        hex += kHex[c & 15];
    }
    query(db,
          "PRAGMA journal_mode=WAL;"
          "CREATE TABLE submissions(id INTEGER PRIMARY KEY, submission_id TEXT NOT NULL UNIQUE, key_id TEXT NOT NULL,"
          " received_at INTEGER NOT NULL, envelope BLOB NOT NULL);"
          "INSERT INTO submissions VALUES (7, '01JDQ80000000000000000VEC1', '79427074a56e3988', 1764000000, x'" + hex +
              "');"
          "PRAGMA user_version=1");

    SqliteStore store(db);
    CHECK(store.ping());
    const auto rows = store.list_submissions("new");
    REQUIRE(rows.size() == 1);
    const SubmissionRecord& row = rows[0];
    CHECK(std::holds_alternative<std::string>(parse_receipt(row.receipt)));
    CHECK(row.submission_id == "01JDQ80000000000000000VEC1");
    CHECK(row.created == "2026-11-23T09:30:00Z");
    CHECK(row.received_at == 1764000000);
    CHECK(row.size == static_cast<std::int64_t>(6 + header.size()));
    CHECK(store.envelope(row.receipt)->substr(0, 4) == "MDG1");
    CHECK(query(db, "SELECT id FROM submissions") == "7");
    CHECK(query(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'submissions_v1'") == "0");
}

TEST_CASE("endpoint store: reopening keeps data and does not migrate twice", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "portal.db";
    { SqliteStore store(db); }
    query(db,
          "INSERT INTO submissions(submission_id, receipt, key_id, created, received_at, updated_at, status, "
          "status_token_sha256, envelope_sha256, size, envelope) "
          "VALUES ('s1', 'AAAAAAAAAAA0', 'k1', '2026-11-23T09:30:00Z', 1, 1, 'new', x'00', x'00', 1, x'00')");
    SqliteStore again(db);
    CHECK(again.ping());
    CHECK(query(db, "SELECT count(*) FROM submissions") == "1");
    CHECK(again.find_submission("AAAAAAAAAAA0"));
}

TEST_CASE("endpoint store: a database from a newer build is refused", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "portal.db";
    { SqliteStore store(db); }
    query(db, "PRAGMA user_version=99");
    CHECK_THROWS_WITH(SqliteStore(db), Catch::Contains("newer than this build"));
}

TEST_CASE("endpoint store: a file that is not a database is refused with its name", "[endpoint]") {
    TempDir dir;
    dir.write("junk.db", std::string(4096, 'x'));
    CHECK_THROWS_WITH(SqliteStore(dir.path() / "junk.db"), Catch::Contains("junk.db"));
}
