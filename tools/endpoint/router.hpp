// Maps one request to one response: the API routes and the static site. No sockets and no clocks,
// so tests call route() directly.
#pragma once

#include "http_types.hpp"
#include "store.hpp"

#include <filesystem>

namespace madoguchi::endpoint {

struct Services {
    std::filesystem::path site_root;  // the web build; absolute
    Store& store;
};

// Never throws: unexpected failures become a 500 "internal" error. The response already carries
// the request's version and keep-alive, the security headers and its Content-Length.
Response route(const Request& req, Services& services);

}  // namespace madoguchi::endpoint
