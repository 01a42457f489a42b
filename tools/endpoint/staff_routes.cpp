// The staff API: every route needs a staff token (Authorization: Bearer), checked against the stored
// digests in constant time. Staff list submissions, download envelopes and set statuses with messages.
#include "api_error.hpp"
#include "digest.hpp"
#include "receipt.hpp"
#include "routes.hpp"
#include "tokens.hpp"

#include "crypto/byte_text.hpp"

#include <boost/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <optional>

namespace madoguchi::endpoint {

namespace {

// A sealed box is an ephemeral public key and a MAC around the text; staff messages are short notes.
constexpr std::size_t kMinSealedBytes = crypto_box_SEALBYTES + 1;
constexpr std::size_t kMaxSealedBytes = 64 * 1024;

bool is_status(std::string_view status) {
    return std::find(kStatuses.begin(), kStatuses.end(), status) != kStatuses.end();
}

boost::json::object listing_json(const SubmissionRecord& r) {
    return {{"receipt", format_receipt(r.receipt)},
            {"submission_id", r.submission_id},
            {"key_id", r.key_id},
            {"created", r.created},
            {"received", utc_time(r.received_at)},
            {"size", r.size},
            {"status", r.status},
            {"corrects", r.corrects ? boost::json::value(format_receipt(*r.corrects)) : boost::json::value(nullptr)}};
}

// The decoded sealed box from the request's "message", or a 400 bad_message.
std::variant<std::string, Response> sealed_message(const boost::json::value& value) {
    const auto* text = value.if_string();
    if (!text) return errors::bad_message("message is not a string");
    const auto decoded = crypto::from_base64(std::string_view(*text));
    if (!decoded) return errors::bad_message("message is not standard base64 with padding");
    const std::size_t length = decoded->size();
    if (length < kMinSealedBytes || length > kMaxSealedBytes) {
        return errors::bad_message("message is " + std::to_string(length) + " bytes; a sealed message is " +
                                   std::to_string(kMinSealedBytes) + " to " + std::to_string(kMaxSealedBytes));
    }
    return std::string(decoded->begin(), decoded->end());
}

}  // namespace

// Every stored digest is compared, without stopping at a match, so the time taken does not depend on
// which token (if any) matched.
std::variant<std::string, Response> authorize_staff(const Request& req, Store& store) {
    const std::string_view header = req[http::field::authorization];
    const auto token = bearer_token(header);
    if (!token) return errors::staff_unauthorized(header.empty());
    const Digest presented = sha256(*token);
    std::optional<std::string> name;
    for (const auto& staff : store.staff_tokens()) {
        if (digests_equal(presented, staff.token_sha256)) name = staff.name;
    }
    if (!name || !is_token(*token)) return errors::staff_unauthorized(false);
    return *name;
}

Response staff_list(const Request& req, Services& services) {
    const auto staff = authorize_staff(req, services.store);
    if (auto* error = std::get_if<Response>(&staff)) return std::move(*error);
    const std::string_view filter = query_value(req.target(), "status").value_or("new");
    if (filter != "all" && !is_status(filter)) return errors::bad_status(filter);
    boost::json::array list;
    const auto records =
        services.store.list_submissions(filter == "all" ? std::nullopt : std::optional<std::string_view>(filter));
    for (const auto& r : records) list.push_back(listing_json(r));
    return json_response(http::status::ok, boost::json::object{{"submissions", std::move(list)}});
}

Response staff_envelope(const Request& req, std::string_view receipt_text, Services& services) {
    const auto staff = authorize_staff(req, services.store);
    if (auto* error = std::get_if<Response>(&staff)) return std::move(*error);
    auto receipt = receipt_from_segment(receipt_text);
    if (auto* error = std::get_if<Response>(&receipt)) return std::move(*error);
    auto envelope = services.store.envelope(std::get<std::string>(receipt));
    if (!envelope) return errors::no_submission();
    Response res{http::status::ok, 11};
    res.set(http::field::content_type, kEnvelopeMediaType);
    res.set(http::field::cache_control, "no-store");
    res.body() = std::move(*envelope);
    return res;
}

Response staff_set_status(const Request& req, std::string_view receipt_text, Services& services) {
    const auto staff = authorize_staff(req, services.store);
    if (auto* error = std::get_if<Response>(&staff)) return std::move(*error);
    auto receipt = receipt_from_segment(receipt_text);
    if (auto* error = std::get_if<Response>(&receipt)) return std::move(*error);
    if (media_type_of(req) != "application/json") {
        return errors::unsupported_media_type(req[http::field::content_type], "application/json");
    }
    boost::json::error_code ec;
    const boost::json::value body = boost::json::parse(req.body(), ec);
    if (ec) return errors::bad_json("the body is not valid JSON (" + ec.message() + ")");
    const auto* fields = body.if_object();
    if (!fields) return errors::bad_json("the body is not a JSON object");
    for (const auto& field : *fields) {
        if (field.key() != "status" && field.key() != "message") {
            return errors::bad_json("unknown field " + printable(field.key()) + "; only status and message are read");
        }
    }
    const auto* status = fields->contains("status") ? fields->at("status").if_string() : nullptr;
    if (!status) return errors::bad_json("status is missing or not a string");
    if (*status == "new" || !is_status(*status)) return errors::bad_status(*status);

    StatusChange change{std::get<std::string>(receipt), std::string(*status), std::get<std::string>(staff), {},
                        services.now()};
    if (fields->contains("message")) {
        auto message = sealed_message(fields->at("message"));
        if (auto* error = std::get_if<Response>(&message)) return std::move(*error);
        change.sealed_message = std::get<std::string>(std::move(message));
    }
    const auto record = services.store.change_status(change);
    if (!record) return errors::no_submission();
    return json_response(http::status::ok, status_json(*record, services.store.messages(change.receipt)));
}

}  // namespace madoguchi::endpoint
