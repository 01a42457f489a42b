// libpq behind postgres_db.hpp: connecting, binary parameters and results, and errors turned into PgError.
#include "postgres_db.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cstring>

namespace madoguchi::endpoint {

namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); they are fixed for every server version.
constexpr Oid kBytea = 17, kInt8 = 20, kInt4 = 23, kText = 25, kVarchar = 1043;

// libpq's messages end in a newline and may span lines; a log line should not.
std::string one_line(const char* message) {
    std::string out = message ? message : "";
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string be_bytes(std::int64_t value) {
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i, value = static_cast<std::int64_t>(static_cast<std::uint64_t>(value) >> 8)) {
        out[static_cast<std::size_t>(i)] = static_cast<char>(value & 0xFF);
    }
    return out;
}

}  // namespace

std::string describe_postgres_url(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        // libpq's reason may quote the URL, password and all, so it is not passed on.
        PQfreemem(error);
        throw StoreError("the PostgreSQL URL cannot be read; its form is postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                         "with special characters in the password percent-encoded");
    }
    std::string user, host, port, dbname;
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val) continue;
        const std::string_view key = o->keyword;
        if (key == "user") user = o->val;
        if (key == "host" || (key == "hostaddr" && host.empty())) host = o->val;
        if (key == "port") port = o->val;
        if (key == "dbname") dbname = o->val;
    }
    PQconninfoFree(options);
    return "postgresql://" + (user.empty() ? "" : user + "@") + host + (port.empty() ? "" : ":" + port) + "/" + dbname;
}

void PgParams::add(unsigned type, std::string value, bool null) {
    types_.push_back(type);
    values_.push_back(std::move(value));
    nulls_.push_back(null);
}

PgParams& PgParams::text(std::string_view value) {
    add(kText, std::string(value));
    return *this;
}

PgParams& PgParams::integer(std::int64_t value) {
    add(kInt8, be_bytes(value));
    return *this;
}

PgParams& PgParams::bytes(std::string_view value) {
    add(kBytea, std::string(value));
    return *this;
}

PgParams& PgParams::bytes(const Digest& value) {
    return bytes(std::string_view(reinterpret_cast<const char*>(value.data()), value.size()));
}

PgParams& PgParams::optional_text(const std::optional<std::string>& value) {
    add(kText, value.value_or(""), !value);
    return *this;
}

PgParams& PgParams::optional_bytes(const std::optional<std::string>& value) {
    add(kBytea, value.value_or(""), !value);
    return *this;
}

void PgResult::Free::operator()(pg_result* result) const { PQclear(result); }

int PgResult::rows() const { return PQntuples(result_.get()); }

std::string PgResult::text(int row, int column) const {
    const Oid type = PQftype(result_.get(), column);
    if (type != kText && type != kBytea && type != kVarchar) {
        throw StoreError("PostgreSQL answered column " + std::to_string(column) + " with type " + std::to_string(type) +
                         " where text was expected; is the schema from another program?");
    }
    return std::string(PQgetvalue(result_.get(), row, column), static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::optional<std::string> PgResult::optional_text(int row, int column) const {
    if (PQgetisnull(result_.get(), row, column)) return std::nullopt;
    return text(row, column);
}

std::int64_t PgResult::integer(int row, int column) const {
    const Oid type = PQftype(result_.get(), column);
    const int size = type == kInt8 ? 8 : type == kInt4 ? 4 : 0;
    if (size == 0 || PQgetlength(result_.get(), row, column) != size) {
        throw StoreError("PostgreSQL answered column " + std::to_string(column) + " with type " + std::to_string(type) +
                         " where an integer was expected; is the schema from another program?");
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column));
    std::uint64_t value = bytes[0] & 0x80 ? ~std::uint64_t{0} : 0;  // sign-extends a 4-byte integer
    for (int i = 0; i < size; ++i) value = (value << 8) | bytes[i];
    return static_cast<std::int64_t>(value);
}

Digest PgResult::digest(int row, int column) const {
    Digest out{};
    const std::string bytes = text(row, column);
    if (bytes.size() == out.size()) std::memcpy(out.data(), bytes.data(), out.size());
    return out;
}

PgConnection::PgConnection(const std::string& url, const std::string& described) : described_(described) {
    // Keywords after dbname (which expands the URL) override the URL; those before it are defaults it may change.
    const char* const keywords[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
    const char* const values[] = {"10", "madoguchi-endpoint", url.c_str(), "UTF8", nullptr};
    conn_ = PQconnectdbParams(keywords, values, 1);
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string message = "cannot connect to " + described_ + ": " + one_line(PQerrorMessage(conn_));
        PQfinish(conn_);
        conn_ = nullptr;
        throw PgError(message, "", "");
    }
    // Notices ("relation already exists, skipping") are not errors, and the server log keeps them.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    try {
        // The server's default may have been turned off for speed; a 201 must mean the row is on disk.
        run("SET synchronous_commit TO on");
    } catch (const PgError&) {
        PQfinish(conn_);
        throw;
    }
}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::fail(pg_result* result, std::string_view sql) const {
    std::string sqlstate, constraint, message;
    if (result) {
        // The primary message only: the detail may quote the row's values.
        if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) sqlstate = s;
        if (const char* c = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME)) constraint = c;
        message = one_line(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    }
    if (message.empty()) message = one_line(PQerrorMessage(conn_));
    PQclear(result);
    throw PgError("database " + described_ + ": " + message + " (in: " + std::string(sql.substr(0, 60)) + ")",
                  std::move(sqlstate), std::move(constraint));
}

PgResult PgConnection::exec(std::string_view sql, const PgParams& params) {
    const auto n = params.values_.size();
    std::vector<const char*> values(n);
    std::vector<int> lengths(n), formats(n, 1);
    for (std::size_t i = 0; i < n; ++i) {
        values[i] = params.nulls_[i] ? nullptr : params.values_[i].data();
        lengths[i] = static_cast<int>(params.values_[i].size());
    }
    const std::string statement(sql);
    pg_result* result = PQexecParams(conn_, statement.c_str(), static_cast<int>(n), params.types_.data(), values.data(),
                                     lengths.data(), formats.data(), 1);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(result, sql);
    return PgResult(result);
}

void PgConnection::run(const char* sql) {
    pg_result* result = PQexec(conn_, sql);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) fail(result, sql);
    PQclear(result);
}

bool PgConnection::reusable() const {
    if (PQstatus(conn_) != CONNECTION_OK || PQtransactionStatus(conn_) != PQTRANS_IDLE) return false;
    pollfd fd{PQsocket(conn_), POLLIN, 0};
    return poll(&fd, 1, 0) == 0;
}

}  // namespace madoguchi::endpoint
