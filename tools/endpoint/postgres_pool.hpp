// PostgreSQL connections shared by the I/O threads: a mutex-guarded list of idle ones. A caller leases
// one for one Store call; connections are opened on demand, so the pool grows to the number of calls
// at once (the I/O threads), and a broken one is dropped instead of returned. That is how the store
// reconnects: after a server restart the next call simply opens a new connection.
#pragma once

#include "postgres_db.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace madoguchi::endpoint {

class PgPool {
public:
    // Opens nothing yet; throws StoreError when the URL cannot be read.
    explicit PgPool(std::string url);

    class Lease {
    public:
        Lease(PgPool& pool, std::unique_ptr<PgConnection> connection)
            : pool_(pool), connection_(std::move(connection)) {}
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        PgConnection& operator*() { return *connection_; }
        PgConnection* operator->() { return connection_.get(); }

    private:
        PgPool& pool_;
        std::unique_ptr<PgConnection> connection_;
    };

    // An idle connection that still looks alive, or a new one. Throws PgError when none can be opened.
    Lease lease();
    // "postgresql://USER@HOST:PORT/DATABASE", for messages.
    const std::string& described() const { return described_; }

private:
    std::string url_;
    std::string described_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<PgConnection>> idle_;
};

}  // namespace madoguchi::endpoint
