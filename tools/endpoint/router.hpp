// Maps one request to one response: the API routes and the static site. No sockets, and the clock
// comes from Services, so tests call route() directly.
#pragma once

#include "accepted_keys.hpp"
#include "http_types.hpp"
#include "store.hpp"
#include "utc_time.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

namespace madoguchi::endpoint {

struct Services {
    std::filesystem::path site_root;  // the web build; absolute
    Store& store;
    AcceptedKeys keys;  // --keys: the ward keys POSTed envelopes may be sealed to
    bool hsts = false;  // --hsts: a TLS proxy is in front
    std::function<std::int64_t()> now = unix_now;
};

// Bodies are small everywhere except the one route that takes envelopes.
inline constexpr std::uint64_t kDefaultBodyLimit = 1024 * 1024;
// A rating is a procedure id and a digit; room for more would only be room for what could identify someone.
inline constexpr std::uint64_t kRatingBodyLimit = 256;

// The largest body the route for this method and target accepts: kEnvelopeMaxBytes (32 MiB) for
// POST /api/v1/submissions, kRatingBodyLimit for POST /api/v1/ratings, kDefaultBodyLimit elsewhere.
// The server asks before reading a body.
std::uint64_t body_limit_for(http::verb method, std::string_view target);

// Never throws: a failing store becomes 503 "database_unavailable", anything else unexpected a 500
// "internal". The response already carries the request's version and keep-alive, the security headers
// and its Content-Length.
Response route(const Request& req, Services& services);

}  // namespace madoguchi::endpoint
