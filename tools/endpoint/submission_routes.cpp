// The resident API: the ward's keys, sending a sealed application (idempotent by submission id, 201 only
// after the commit) and reading its status with the device's status token.
#include "api_error.hpp"
#include "digest.hpp"
#include "receipt.hpp"
#include "routes.hpp"
#include "tokens.hpp"

#include "crypto/envelope.hpp"

#include <boost/json.hpp>

#include <span>

namespace madoguchi::endpoint {

namespace {

constexpr std::string_view kStatusToken = "Madoguchi-Status-Token";
constexpr std::string_view kCorrects = "Madoguchi-Corrects";
constexpr std::string_view kStatusPathPrefix = "/api/v1/submissions/";
// A fresh receipt collides with a stored one with odds of about n / 2^55; eight draws in a row never do.
constexpr int kReceiptDraws = 8;

boost::json::object receipt_json(const SubmissionRecord& record) {
    return {{"receipt", format_receipt(record.receipt)},
            {"submission_id", record.submission_id},
            {"received", utc_time(record.received_at)},
            {"status", record.status}};
}

Response envelope_error(const crypto::EnvelopeError& e) {
    if (e.code == crypto::EnvelopeError::Truncated) return errors::truncated_envelope(e.detail);
    return errors::malformed_envelope(e.detail);
}

}  // namespace

Response get_keys(const Services& services) {
    boost::json::array keys;
    for (const auto& key : services.keys.keys) keys.push_back({{"key_id", key.key_id}, {"public_key", key.public_key}});
    Response res = json_response(http::status::ok, boost::json::object{{"keys", std::move(keys)}});
    // The app must see a withdrawn key at once, but may revalidate a cached list.
    res.set(http::field::cache_control, "no-cache");
    return res;
}

Response post_submission(const Request& req, Services& services) {
    if (media_type_of(req) != kEnvelopeMediaType) {
        return errors::unsupported_media_type(req[http::field::content_type], kEnvelopeMediaType);
    }
    const std::string_view token = req[kStatusToken];
    if (!is_token(token)) return errors::bad_status_token(token.empty());
    std::optional<std::string> corrects;
    if (const auto it = req.find(kCorrects); it != req.end()) {
        auto parsed = parse_receipt(it->value());
        if (auto* problem = std::get_if<ReceiptProblem>(&parsed)) return errors::bad_receipt(it->value(), *problem);
        // Not looked up: a "no such receipt" answer would tell anyone which receipts exist. Staff see the link.
        corrects = std::get<std::string>(std::move(parsed));
    }

    const std::string& body = req.body();
    const auto framing =
        crypto::check_envelope_framing(std::span(reinterpret_cast<const std::uint8_t*>(body.data()), body.size()));
    if (const auto* e = std::get_if<crypto::EnvelopeError>(&framing)) return envelope_error(*e);
    const auto& header = std::get<crypto::EnvelopeHeader>(framing);
    if (!services.keys.accepts(header.key_id)) return errors::unknown_key(header.key_id);

    const std::int64_t now = services.now();
    NewSubmission submission{
        SubmissionRecord{{}, header.submission_id, header.key_id, header.created, now, now,
                         static_cast<std::int64_t>(body.size()), "new", corrects},
        sha256(token), sha256(body), body};
    for (int draw = 0; draw < kReceiptDraws; ++draw) {
        submission.record.receipt = new_receipt();
        const InsertResult result = services.store.insert_submission(submission);
        switch (result.outcome) {
            case InsertResult::created: {
                Response res = json_response(http::status::created, receipt_json(result.record));
                res.set(http::field::location, std::string(kStatusPathPrefix) +
                                                   format_receipt(result.record.receipt) + "/status");
                return res;
            }
            case InsertResult::duplicate:
                // A retry after a lost answer: the first upload's receipt, and its token stays.
                return json_response(http::status::ok, receipt_json(result.record));
            case InsertResult::conflict:
                return errors::submission_id_conflict(header.submission_id);
            case InsertResult::receipt_taken:
                break;
        }
    }
    throw std::runtime_error("no free receipt number after " + std::to_string(kReceiptDraws) + " draws");
}

Response get_status(const Request& req, std::string_view receipt_text, Services& services) {
    auto receipt = receipt_from_segment(receipt_text);
    if (auto* error = std::get_if<Response>(&receipt)) return std::move(*error);
    const std::string& canonical = std::get<std::string>(receipt);
    const std::string_view token = req[kStatusToken];
    if (!is_token(token)) return errors::bad_status_token(token.empty());

    // An unknown receipt is compared against a digest no token has, so both ways to fail cost the same
    // and give the same answer: the API is no oracle for which receipts exist.
    const auto stored = services.store.status_token_sha256(canonical);
    const bool match = digests_equal(sha256(token), stored.value_or(Digest{}));
    if (!stored || !match) return errors::no_submission();
    const auto record = services.store.find_submission(canonical);
    if (!record) return errors::no_submission();
    return json_response(http::status::ok, status_json(*record, services.store.messages(canonical)));
}

}  // namespace madoguchi::endpoint
