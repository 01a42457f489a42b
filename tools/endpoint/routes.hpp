// The API's route handlers, one file per audience (submission_routes.cpp for residents, staff_routes.cpp
// for ward staff; rating_routes.cpp holds both sides of the anonymous ratings), and the helpers they
// share. router.cpp matches paths and methods and calls these.
#pragma once

#include "router.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace madoguchi::endpoint {

inline constexpr std::string_view kEnvelopeMediaType = "application/vnd.madoguchi.envelope";

// A JSON response with Cache-Control: no-store (API answers describe one moment of one person's case).
Response json_response(http::status status, const boost::json::value& body);

// The Content-Type's media type, lower case, without parameters.
std::string media_type_of(const Request& req);

// The value of `name` in the target's query string ("a=1&b=2"), undecoded: the values read (statuses,
// months) need no decoding.
std::optional<std::string_view> query_value(std::string_view target, std::string_view name);

// {"receipt","status","updated","messages":[{"id","sent","sealed"}]}, as residents and staff see a status.
boost::json::object status_json(const SubmissionRecord& record, const std::vector<ResidentMessage>& messages);

// The canonical receipt from a path segment as sent (percent-encoded spaces allowed), or a 400 bad_receipt.
std::variant<std::string, Response> receipt_from_segment(std::string_view segment);

// GET /api/v1/keys
Response get_keys(const Services& services);
// POST /api/v1/submissions
Response post_submission(const Request& req, Services& services);
// GET /api/v1/submissions/{receipt}/status; `receipt` is the path segment as sent.
Response get_status(const Request& req, std::string_view receipt, Services& services);

// The staff member's name from Authorization: Bearer, or a 401 staff_unauthorized.
std::variant<std::string, Response> authorize_staff(const Request& req, Store& store);
// GET /api/v1/staff/submissions
Response staff_list(const Request& req, Services& services);
// GET /api/v1/staff/submissions/{receipt}/envelope
Response staff_envelope(const Request& req, std::string_view receipt, Services& services);
// PUT /api/v1/staff/submissions/{receipt}/status
Response staff_set_status(const Request& req, std::string_view receipt, Services& services);

// POST /api/v1/ratings
Response post_rating(const Request& req, Services& services);
// GET /api/v1/staff/ratings
Response staff_ratings(const Request& req, Services& services);

}  // namespace madoguchi::endpoint
