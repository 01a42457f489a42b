// What the HTTP layer needs from the database, as an interface: SQLite now, PostgreSQL when scaled,
// and a fake in unit tests.
#pragma once

namespace madoguchi::endpoint {

class Store {
public:
    virtual ~Store() = default;
    // True when the database answers a query and holds the schema this build expects.
    virtual bool ping() = 0;
};

}  // namespace madoguchi::endpoint
