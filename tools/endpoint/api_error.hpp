// JSON error responses: {"error":{"code":STABLE_CODE,"message":{"en":...,"ja":...}}}.
// Clients branch on the code; people read a message that says what is wrong and how to fix it.
#pragma once

#include "http_types.hpp"
#include "receipt.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace madoguchi::endpoint {

struct ErrorText {
    std::string en;
    std::string ja;
};

Response make_error(http::status status, std::string_view code, const ErrorText& message);

// Request text (a method or target) made safe to echo inside a message: printable ASCII, bounded length.
std::string printable(std::string_view text);

// Why a path was refused as a traversal attempt, worded for both languages.
enum class PathProblem { dot_segment, backslash, encoded_slash, nul, bad_percent_encoding, not_origin_form };

namespace errors {
Response no_route(std::string_view method, std::string_view target);
Response no_file(std::string_view target);
Response method_not_allowed(std::string_view method, std::string_view target, std::string_view allow);
Response bad_path(std::string_view target, PathProblem problem);
Response malformed_http(std::string_view detail);
Response payload_too_large(std::uint64_t limit_bytes);
Response header_too_large(std::uint64_t limit_bytes);
Response database_unavailable();
Response internal();
Response rate_limited(std::uint64_t retry_after_seconds);
Response request_timeout();
}  // namespace errors

// Errors of the submission, staff and rating API (api_error_submissions.cpp).
namespace errors {
Response unsupported_media_type(std::string_view got, std::string_view expected);
Response bad_status_token(bool missing);
Response bad_receipt(std::string_view text, const ReceiptProblem& problem);
Response malformed_envelope(std::string_view detail);
Response truncated_envelope(std::string_view detail);
Response unknown_key(std::string_view key_id);
Response submission_id_conflict(std::string_view submission_id);
Response no_submission();
Response staff_unauthorized(bool missing);
Response bad_json(std::string_view detail);
Response bad_status(std::string_view status);
Response bad_message(std::string_view detail);
Response bad_rating(std::string_view detail);
Response bad_month(std::string_view month);
}  // namespace errors

}  // namespace madoguchi::endpoint
