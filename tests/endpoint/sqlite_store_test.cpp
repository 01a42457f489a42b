// Unit tests of the SQLite store: settings, schema migration and refusal of files it cannot use.
#include "sqlite_store.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <string>
#include <vector>

using namespace madoguchi::endpoint;

namespace {

// Reads a one-row, one-column answer through a separate connection, as an operator's tool would.
std::string query(const std::filesystem::path& db, const char* sql) {
    sqlite3* conn = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(conn, sql, -1, &stmt, nullptr) == SQLITE_OK);
    std::string result;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
        result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(conn);
    return result;
}

}  // namespace

TEST_CASE("endpoint store: creates the folder, WAL mode and the versioned schema", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "nested" / "folder" / "portal.db";
    {
        SqliteStore store(db);
        CHECK(store.ping());
        CHECK(query(db, "PRAGMA journal_mode") == "wal");
        CHECK(query(db, "PRAGMA user_version") == std::to_string(SqliteStore::kSchemaVersion));
        CHECK(query(db, "SELECT group_concat(name || ':' || type || ':' || \"notnull\", ',') "
                        "FROM pragma_table_info('submissions')") ==
              "id:INTEGER:0,submission_id:TEXT:1,key_id:TEXT:1,received_at:INTEGER:1,envelope:BLOB:1");
        CHECK(query(db, "SELECT count(*) FROM pragma_index_list('submissions') WHERE \"unique\"") == "1");
    }
    CHECK(std::filesystem::exists(db));
}

TEST_CASE("endpoint store: reopening keeps data and does not migrate twice", "[endpoint]") {
    TempDir dir;
    const auto db = dir.path() / "portal.db";
    { SqliteStore store(db); }
    query(db, "INSERT INTO submissions(submission_id, key_id, received_at, envelope) VALUES ('s1', 'k1', 1, x'00')");
    SqliteStore again(db);
    CHECK(again.ping());
    CHECK(query(db, "SELECT count(*) FROM submissions") == "1");
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
