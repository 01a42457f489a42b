// The connection pool: idle connections under a mutex; connecting happens outside it, so a slow or
// absent server delays only the calls that need a new connection.
#include "postgres_pool.hpp"

namespace madoguchi::endpoint {

PgPool::PgPool(std::string url) : url_(std::move(url)), described_(describe_postgres_url(url_)) {}

PgPool::Lease::~Lease() {
    // A failed call may leave a broken connection or an aborted transaction: such a one is closed.
    if (!connection_->reusable()) return;
    std::lock_guard lock(pool_.mutex_);
    pool_.idle_.push_back(std::move(connection_));
}

PgPool::Lease PgPool::lease() {
    {
        std::lock_guard lock(mutex_);
        while (!idle_.empty()) {
            std::unique_ptr<PgConnection> connection = std::move(idle_.back());
            idle_.pop_back();
            if (connection->reusable()) return Lease(*this, std::move(connection));
        }
    }
    return Lease(*this, std::make_unique<PgConnection>(url_, described_));
}

}  // namespace madoguchi::endpoint
