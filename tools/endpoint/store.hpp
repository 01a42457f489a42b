// What the HTTP layer needs from the database, as an interface: SQLite (sqlite_store), PostgreSQL (postgres_store)
// and fakes in unit tests. Nothing here names a database; times are Unix seconds given by the caller.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::endpoint {

// A SHA-256 digest: of a status or staff token (only these are stored, never the tokens), or of an envelope.
using Digest = std::array<std::uint8_t, 32>;

// The database failed (disk full, file gone, locked too long). The HTTP layer answers 503.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A stored submission as staff and residents see it; never the envelope bytes.
struct SubmissionRecord {
    std::string receipt;        // 12 Crockford digits, no hyphens (receipt.hpp)
    std::string submission_id;  // from the envelope header
    std::string key_id;         // from the envelope header
    std::string created;        // from the envelope header: YYYY-MM-DDTHH:MM:SSZ, the device's clock
    std::int64_t received_at = 0;
    std::int64_t updated_at = 0;  // the last status change, or received_at
    std::int64_t size = 0;        // envelope bytes
    std::string status;           // one of kStatuses
    std::optional<std::string> corrects;  // receipt of the submission this one answers a correction request of
};

inline constexpr std::array<std::string_view, 6> kStatuses = {"new",    "received", "reviewing", "correction_requested",
                                                              "completed", "rejected"};

struct NewSubmission {
    SubmissionRecord record;  // status "new", updated_at == received_at
    Digest status_token_sha256{};
    Digest envelope_sha256{};
    std::string_view envelope;
};

struct InsertResult {
    enum Outcome {
        created,        // stored and committed durably
        duplicate,      // this submission id is stored with the same envelope bytes: `record` is that row
        conflict,       // this submission id is stored with other bytes; nothing changed
        receipt_taken,  // the receipt is already another submission's; nothing changed, draw a new one
    } outcome;
    SubmissionRecord record;
};

struct ResidentMessage {
    std::int64_t id = 0;
    std::int64_t sent_at = 0;
    std::string sealed;  // crypto_box_seal to the submission's reply key, raw bytes
};

struct StatusChange {
    std::string receipt;
    std::string status;
    std::string staff;  // the name of the staff token used, for the audit trail
    std::optional<std::string> sealed_message;
    std::int64_t at = 0;
};

struct StaffToken {
    std::string name;
    Digest token_sha256{};
};

// How many ratings one procedure got in one month, by score. Counters are all a store keeps of ratings:
// no row per rating, no time finer than the month, nothing about who gave it.
struct RatingCounts {
    std::string procedure;  // a catalog procedure id
    std::string month;      // YYYY-MM, UTC
    std::array<std::int64_t, 5> counts{};  // counts[i]: ratings with score i + 1
};

// Every method is safe to call from several threads at once and throws StoreError when the database
// fails. Receipts are canonical (parse_receipt) when they reach the store.
class Store {
public:
    virtual ~Store() = default;
    // True when the database answers a query and holds the schema this build expects.
    virtual bool ping() = 0;

    // Stores a submission in one durable transaction; returns only after the commit.
    virtual InsertResult insert_submission(const NewSubmission& submission) = 0;
    virtual std::optional<SubmissionRecord> find_submission(std::string_view receipt) = 0;
    virtual std::optional<Digest> status_token_sha256(std::string_view receipt) = 0;
    // Oldest first.
    virtual std::vector<ResidentMessage> messages(std::string_view receipt) = 0;
    // Oldest first; all statuses when `status` is empty.
    virtual std::vector<SubmissionRecord> list_submissions(std::optional<std::string_view> status) = 0;
    virtual std::optional<std::string> envelope(std::string_view receipt) = 0;
    // Sets the status, records who changed it and adds the message, in one transaction. Empty when the
    // receipt is unknown.
    virtual std::optional<SubmissionRecord> change_status(const StatusChange& change) = 0;

    // Adds a staff token under a name, or replaces that name's token; true when it replaced one.
    virtual bool put_staff_token(std::string_view name, const Digest& token_sha256, std::int64_t at) = 0;
    virtual std::vector<StaffToken> staff_tokens() = 0;

    // Adds one to the counter of (procedure, month, score) in one statement, so concurrent calls, on
    // several replicas too, lose no count. `score` is 1 to 5, `month` YYYY-MM.
    virtual void add_rating(std::string_view procedure, std::string_view month, int score) = 0;
    // Sorted by month, then procedure; every month when `month` is empty.
    virtual std::vector<RatingCounts> ratings(std::optional<std::string_view> month) = 0;
};

}  // namespace madoguchi::endpoint
