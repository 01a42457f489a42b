// A thin C++ face on one libpq connection: typed binary parameters, results read by type, and
// failures as PgError (a StoreError carrying the SQLSTATE) that name the server but never the password.
#pragma once

#include "store.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace madoguchi::endpoint {

struct PgError : StoreError {
    PgError(const std::string& message, std::string state, std::string broken)
        : StoreError(message), sqlstate(std::move(state)), constraint(std::move(broken)) {}
    std::string sqlstate;    // e.g. "23505" for a unique violation; empty when the connection failed
    std::string constraint;  // the constraint a statement broke, when it broke one
};

// "postgresql://USER@HOST:PORT/DATABASE" for messages: the URL without its password and options.
// Throws StoreError (without echoing the URL) when libpq cannot parse it.
std::string describe_postgres_url(const std::string& url);

// Parameters $1, $2, ... in the binary format, each with its type, so no value is ever spliced into SQL.
class PgParams {
public:
    PgParams& text(std::string_view value);
    PgParams& integer(std::int64_t value);
    PgParams& bytes(std::string_view value);
    PgParams& bytes(const Digest& value);
    PgParams& optional_text(const std::optional<std::string>& value);
    PgParams& optional_bytes(const std::optional<std::string>& value);

private:
    friend class PgConnection;
    void add(unsigned type, std::string value, bool null = false);

    std::vector<unsigned> types_;
    std::vector<std::string> values_;
    std::vector<bool> nulls_;
};

// Rows in the binary format. Columns are read by the type the query gives them (text, bytea, bigint or
// integer); another type is a StoreError, so a schema that drifted fails loudly instead of misreading.
class PgResult {
public:
    explicit PgResult(pg_result* result) : result_(result) {}
    int rows() const;
    std::string text(int row, int column) const;  // text or bytea, as raw bytes
    std::optional<std::string> optional_text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    Digest digest(int row, int column) const;

private:
    struct Free {
        void operator()(pg_result* result) const;
    };
    std::unique_ptr<pg_result, Free> result_;
};

class PgConnection {
public:
    // Connects (10 s timeout unless the URL sets connect_timeout), in UTF-8, with synchronous_commit on
    // so that a commit returns only once it is durable. Throws PgError naming `described`.
    PgConnection(const std::string& url, const std::string& described);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // One statement with parameters (extended protocol).
    PgResult exec(std::string_view sql, const PgParams& params = {});
    // Statements without parameters, several allowed (simple protocol): migrations and transactions.
    void run(const char* sql);

    // Fit to hand to the next caller: connected, outside any transaction, and the server has sent
    // nothing since the last answer (an idle connection that turns readable was closed by the server,
    // e.g. on restart, or is carrying its FATAL message).
    bool reusable() const;
    // "postgresql://USER@HOST:PORT/DATABASE", for messages.
    const std::string& described() const { return described_; }

private:
    [[noreturn]] void fail(pg_result* result, std::string_view sql) const;

    pg_conn* conn_ = nullptr;
    std::string described_;
};

}  // namespace madoguchi::endpoint
