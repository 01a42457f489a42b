// The request and response types shared by the router, static files and the server.
// Plain Beast messages (no sockets), so everything but http_server.cpp stays cheap to compile and to test.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace madoguchi::endpoint {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

}  // namespace madoguchi::endpoint
