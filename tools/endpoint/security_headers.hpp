// Headers every response carries, whoever built it (router, static files or the server's own errors).
#pragma once

#include "http_types.hpp"

namespace madoguchi::endpoint {

// Adds nosniff and Referrer-Policy to every response, and the Content-Security-Policy to HTML.
void add_security_headers(Response& res);

}  // namespace madoguchi::endpoint
