// Unit tests of what is PostgreSQL's own in the store: the schema and its version, replicas starting
// together, refusal of a newer schema, errors that keep the password out, and reconnecting after the
// server ends its connections. Behaviour every store shares is in store_contract_test.cpp.
#include "postgres_store.hpp"
#include "postgres_test_schema.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace madoguchi::endpoint;

namespace {

// The first column of every row, joined with commas.
std::string column(PgConnection& db, const std::string& sql) {
    const PgResult r = db.exec(sql);
    std::string out;
    for (int row = 0; row < r.rows(); ++row) {
        if (row) out += ',';
        out += r.text(row, 0);
    }
    return out;
}

NewSubmission sample(const std::string& envelope) {
    NewSubmission n;
    n.record = SubmissionRecord{"AAAAAAAAAAA0", "01JDQ80000000000000000AAAA", "79427074a56e3988", "2026-11-23T09:30:00Z",
                                1000, 1000, static_cast<std::int64_t>(envelope.size()), "new", std::nullopt};
    n.envelope = envelope;
    return n;
}

}  // namespace

TEST_CASE("postgres store: an empty database gets the version 3 schema in PostgreSQL types", "[endpoint][postgres]") {
    PostgresTestSchema schema;
    PostgresStore store(schema.url());
    CHECK(store.ping());
    PgConnection& db = schema.admin();
    CHECK(column(db, "SELECT version::text FROM schema_version") == "3");
    CHECK(column(db, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
                     " ORDER BY table_name") ==
          "messages,rating_counts,schema_version,staff_tokens,status_changes,submissions");
    CHECK(column(db, "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_schema ="
                     " current_schema() AND table_name = 'rating_counts' ORDER BY ordinal_position") ==
          "month text,procedure text,score bigint,count bigint");
    CHECK(column(db, "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                     " WHERE table_schema = current_schema() AND table_name = 'submissions' ORDER BY ordinal_position") ==
          "id bigint,submission_id text,receipt text,key_id text,created text,received_at bigint,updated_at bigint,"
          "status text,status_token_sha256 bytea,envelope_sha256 bytea,size bigint,corrects text,envelope bytea");

    // The CHECK keeps statuses to the six the API knows, whoever writes the row.
    const std::string bytes = "x";
    REQUIRE(store.insert_submission(sample(bytes)).outcome == InsertResult::created);
    try {
        db.run("UPDATE submissions SET status = 'archived'");
        FAIL("the CHECK constraint let an unknown status in");
    } catch (const PgError& e) {
        CHECK(e.sqlstate == "23514");
    }
    CHECK(store.find_submission("AAAAAAAAAAA0")->status == "new");

    // The CHECKs keep rating counters to a month, whoever writes the row.
    for (const char* values : {"'2026-12-07', 'kokuho-kanyu', 3, 1", "'2026-12', 'kokuho-kanyu', 6, 1",
                               "'2026-12', 'kokuho-kanyu', 3, 0"}) {
        INFO(values);
        try {
            const std::string sql =
                "INSERT INTO rating_counts(month, procedure, score, count) VALUES (" + std::string(values) + ")";
            db.run(sql.c_str());
            FAIL("a CHECK constraint let a rating counter in");
        } catch (const PgError& e) {
            CHECK(e.sqlstate == "23514");
        }
    }
}

TEST_CASE("postgres store: replicas starting together on an empty database migrate it once", "[endpoint][postgres]") {
    PostgresTestSchema schema;
    constexpr int kReplicas = 4;
    std::vector<std::thread> starting;
    std::vector<int> up(kReplicas, 0);
    for (int i = 0; i < kReplicas; ++i) {
        starting.emplace_back([&, i] {
            PostgresStore store(schema.url());
            up[i] = store.ping();
        });
    }
    for (auto& t : starting) t.join();
    CHECK(up == std::vector<int>(kReplicas, 1));
    CHECK(column(schema.admin(), "SELECT version::text FROM schema_version") == "3");
}

TEST_CASE("postgres store: a database from a newer build is refused", "[endpoint][postgres]") {
    PostgresTestSchema schema;
    { PostgresStore store(schema.url()); }
    schema.admin().run("UPDATE schema_version SET version = 4");
    CHECK_THROWS_WITH(PostgresStore(schema.url()), Catch::Contains("schema version 4, newer than this build's 3"));
}

TEST_CASE("postgres store: an unreachable server is an error naming it, never the password", "[endpoint][postgres]") {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    try {
        PostgresStore store("postgresql://ward:Sekret-Pa55@127.0.0.1:1/portal");
        FAIL("a store opened without a server");
    } catch (const StoreError& e) {
        const std::string message = e.what();
        CHECK_THAT(message, Catch::Contains("cannot connect to postgresql://ward@127.0.0.1:1/portal"));
        CHECK_THAT(message, !Catch::Contains("Sekret"));
    }
    CHECK_THROWS_WITH(PostgresStore("postgresql://ward:Sekret-Pa55@[::1/portal"), !Catch::Contains("Sekret"));
}

TEST_CASE("postgres store: after the server ends its connections, the next call reconnects", "[endpoint][postgres]") {
    PostgresTestSchema schema;
    PostgresStore store(schema.url());
    REQUIRE(store.insert_submission(sample("y")).outcome == InsertResult::created);
    // What a server restart does to every session, here to the store's only (the CTE filters before
    // anything is ended); the timeout waits until they are gone.
    const std::string ended = column(
        schema.admin(),
        "WITH mine AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE application_name = '" + schema.name() +
            "') SELECT count(*)::text FROM mine WHERE pg_terminate_backend(pid, 5000)");
    CHECK(ended != "0");
    CHECK(store.ping());
    REQUIRE(store.find_submission("AAAAAAAAAAA0"));
    CHECK(store.envelope("AAAAAAAAAAA0") == "y");
}
