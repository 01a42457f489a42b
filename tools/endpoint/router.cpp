// The route table: the API under /api/v1/, JSON errors for the rest of /api/, and the web build for
// everything else. Paths under /api/ are matched undecoded; only file paths (and receipts) are decoded.
#include "router.hpp"

#include "api_error.hpp"
#include "routes.hpp"
#include "security_headers.hpp"
#include "static_files.hpp"

#include "crypto/envelope.hpp"

#include <boost/json.hpp>

#include <exception>
#include <iostream>
#include <optional>

namespace madoguchi::endpoint {

namespace {

constexpr std::string_view kReadOnly = "GET, HEAD";
constexpr std::string_view kSubmissions = "/api/v1/submissions";
constexpr std::string_view kStaffSubmissions = "/api/v1/staff/submissions";
constexpr std::string_view kRatings = "/api/v1/ratings";

bool is_read(const Request& req) {
    return req.method() == http::verb::get || req.method() == http::verb::head;
}

Response health(Services& services) {
    if (!services.store.ping()) return errors::database_unavailable();
    return json_response(http::status::ok, boost::json::object{{"status", "ok"}, {"database", "ok"}, {"version", "1"}});
}

// The {receipt} of PREFIX{receipt}SUFFIX, when `path` has that shape.
std::optional<std::string_view> receipt_segment(std::string_view path, std::string_view prefix, std::string_view suffix) {
    if (!path.starts_with(prefix) || !path.ends_with(suffix) || path.size() <= prefix.size() + suffix.size()) {
        return std::nullopt;
    }
    const std::string_view segment = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (segment.find('/') != std::string_view::npos) return std::nullopt;
    return segment;
}

Response api(const Request& req, std::string_view path, Services& services) {
    const auto only = [&](bool allowed, std::string_view allow, auto&& handler) {
        return allowed ? handler() : errors::method_not_allowed(req.method_string(), path, allow);
    };
    if (path == "/api/v1/health") return only(is_read(req), kReadOnly, [&] { return health(services); });
    if (path == "/api/v1/keys") return only(is_read(req), kReadOnly, [&] { return get_keys(services); });
    if (path == kSubmissions) {
        return only(req.method() == http::verb::post, "POST", [&] { return post_submission(req, services); });
    }
    if (auto receipt = receipt_segment(path, std::string(kSubmissions) + "/", "/status")) {
        return only(is_read(req), kReadOnly, [&] { return get_status(req, *receipt, services); });
    }
    if (path == kRatings) {
        return only(req.method() == http::verb::post, "POST", [&] { return post_rating(req, services); });
    }
    if (path == kStaffSubmissions) return only(is_read(req), kReadOnly, [&] { return staff_list(req, services); });
    if (auto receipt = receipt_segment(path, std::string(kStaffSubmissions) + "/", "/envelope")) {
        return only(is_read(req), kReadOnly, [&] { return staff_envelope(req, *receipt, services); });
    }
    if (auto receipt = receipt_segment(path, std::string(kStaffSubmissions) + "/", "/status")) {
        return only(req.method() == http::verb::put, "PUT",
                    [&] { return staff_set_status(req, *receipt, services); });
    }
    if (path == "/api/v1/staff/ratings") {
        return only(is_read(req), kReadOnly, [&] { return staff_ratings(req, services); });
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

std::uint64_t body_limit_for(http::verb method, std::string_view target) {
    const std::string_view path = target.substr(0, target.find('?'));
    if (method == http::verb::post && path == kSubmissions) return crypto::kEnvelopeMaxBytes;
    if (method == http::verb::post && path == kRatings) return kRatingBodyLimit;
    return kDefaultBodyLimit;
}

Response route(const Request& req, Services& services) {
    Response res;
    try {
        res = dispatch(req, services);
    } catch (const StoreError& e) {
        std::cerr << "madoguchi-endpoint: " << req.method_string() << ' ' << printable(req.target())
                  << ": database failed: " << e.what() << '\n';
        res = errors::database_unavailable();
    } catch (const std::exception& e) {
        std::cerr << "madoguchi-endpoint: " << req.method_string() << ' ' << printable(req.target())
                  << " failed: " << e.what() << '\n';
        res = errors::internal();
    }
    res.version(req.version());
    res.keep_alive(req.keep_alive());
    add_security_headers(res, services.hsts);
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
