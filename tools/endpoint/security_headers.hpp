// Headers every response carries, whoever built it (router, static files or the server's own errors).
#pragma once

#include "http_types.hpp"

namespace madoguchi::endpoint {

// Adds nosniff and Referrer-Policy to every response, the Content-Security-Policy to HTML, and
// Strict-Transport-Security when `hsts` is set (only behind a TLS proxy: --hsts).
void add_security_headers(Response& res, bool hsts);

}  // namespace madoguchi::endpoint
