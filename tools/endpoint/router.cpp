// The route table: /api/v1/health, JSON errors for the rest of /api/, and the web build for
// everything else. Paths under /api/ are matched undecoded; only file paths are percent-decoded.
#include "router.hpp"

#include "api_error.hpp"
#include "security_headers.hpp"
#include "static_files.hpp"

#include <boost/json.hpp>

#include <exception>
#include <iostream>

namespace madoguchi::endpoint {

namespace {

constexpr std::string_view kReadOnly = "GET, HEAD";

bool is_read(const Request& req) {
    return req.method() == http::verb::get || req.method() == http::verb::head;
}

Response health(Services& services) {
    if (!services.store.ping()) return errors::database_unavailable();
    boost::json::object body;
    body["status"] = "ok";
    body["database"] = "ok";
    body["version"] = "1";
    Response res{http::status::ok, 11};
    res.set(http::field::content_type, "application/json; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    res.body() = boost::json::serialize(body);
    return res;
}

Response api(const Request& req, std::string_view path, Services& services) {
    if (path == "/api/v1/health") {
        if (!is_read(req)) return errors::method_not_allowed(req.method_string(), path, kReadOnly);
        return health(services);
    }
    return errors::no_route(req.method_string(), path);
}

Response dispatch(const Request& req, Services& services) {
    const std::string_view target = req.target();
    // Only origin-form ("/path?query") is served; absolute-form is for proxies, "*" for OPTIONS.
    if (target.empty() || target.front() != '/') return errors::bad_path(target, PathProblem::not_origin_form);
    const std::string_view path = target.substr(0, target.find('?'));
    if (path == "/api" || path.starts_with("/api/")) return api(req, path, services);
    if (!is_read(req)) return errors::method_not_allowed(req.method_string(), path, kReadOnly);
    return serve_static(req, path, services.site_root);
}

// Statuses whose responses never carry a body (RFC 9110 §6.4.1).
bool bodiless(http::status status) {
    const unsigned code = static_cast<unsigned>(status);
    return code / 100 == 1 || code == 204 || code == 304;
}

}  // namespace

Response route(const Request& req, Services& services) {
    Response res;
    try {
        res = dispatch(req, services);
    } catch (const std::exception& e) {
        std::cerr << "madoguchi-endpoint: " << req.method_string() << ' ' << printable(req.target())
                  << " failed: " << e.what() << '\n';
        res = errors::internal();
    }
    res.version(req.version());
    res.keep_alive(req.keep_alive());
    add_security_headers(res);
    if (bodiless(res.result())) {
        // No Content-Length either: on a 304 it would have to be the length of the full response.
        res.body().clear();
    } else if (req.method() == http::verb::head) {
        // HEAD reports the length a GET would send, without the bytes.
        if (!res.has_content_length()) res.content_length(res.body().size());
        res.body().clear();
    } else {
        res.prepare_payload();
    }
    return res;
}

}  // namespace madoguchi::endpoint
