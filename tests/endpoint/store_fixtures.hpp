// The Store implementations the contract tests (store_contract_test.cpp) run against: each fixture owns
// one empty store. The contract file is built twice: into madoguchi_endpoint_tests with the SQLite
// fixture, and with MADOGUCHI_TEST_POSTGRES into madoguchi_endpoint_pg_tests, which needs the test
// PostgreSQL server and so runs only under CTest's postgres fixture (endpoint-pg:*).
#pragma once

#include "sqlite_store.hpp"
#include "temp_dir.hpp"

#include <tuple>

struct SqliteStoreFixture {
    TempDir dir;
    madoguchi::endpoint::SqliteStore store{dir.path() / "portal.db"};
};

#ifdef MADOGUCHI_TEST_POSTGRES
#include "postgres_store.hpp"
#include "postgres_test_schema.hpp"

struct PostgresStoreFixture {
    PostgresTestSchema schema;
    madoguchi::endpoint::PostgresStore store{schema.url()};
};

using StoreFixtures = std::tuple<PostgresStoreFixture>;
#else
using StoreFixtures = std::tuple<SqliteStoreFixture>;
#endif
