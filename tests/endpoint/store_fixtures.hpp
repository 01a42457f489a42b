// The Store implementations the contract tests (store_contract_test.cpp) run against: each fixture
// owns one empty store. A PostgreSQL store joins by adding its fixture to StoreFixtures.
#pragma once

#include "sqlite_store.hpp"
#include "temp_dir.hpp"

#include <tuple>

struct SqliteStoreFixture {
    TempDir dir;
    madoguchi::endpoint::SqliteStore store{dir.path() / "portal.db"};
};

using StoreFixtures = std::tuple<SqliteStoreFixture>;
