// Unit tests of route() and the static-file helpers, without sockets: requests in, responses out.
#include "api_error.hpp"
#include "digest.hpp"
#include "content_types.hpp"
#include "router.hpp"
#include "sqlite_store.hpp"
#include "static_files.hpp"
#include "temp_dir.hpp"
#include "tokens.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <stdexcept>

using namespace madoguchi::endpoint;

namespace {

// A real store whose health can be made to fail or throw.
struct FakeStore : Store {
    enum class Mode { ok, down, throws } mode = Mode::ok;
    TempDir dir;
    SqliteStore real{dir.path() / "portal.db"};

    bool ping() override {
        if (mode == Mode::throws) throw std::runtime_error("disk on fire");
        return mode == Mode::ok;
    }
    InsertResult insert_submission(const NewSubmission& s) override { return real.insert_submission(s); }
    std::optional<SubmissionRecord> find_submission(std::string_view r) override { return real.find_submission(r); }
    std::optional<Digest> status_token_sha256(std::string_view r) override { return real.status_token_sha256(r); }
    std::vector<ResidentMessage> messages(std::string_view r) override { return real.messages(r); }
    std::vector<SubmissionRecord> list_submissions(std::optional<std::string_view> s) override {
        if (mode == Mode::throws) throw StoreError("database is locked");
        return real.list_submissions(s);
    }
    std::optional<std::string> envelope(std::string_view r) override { return real.envelope(r); }
    std::optional<SubmissionRecord> change_status(const StatusChange& c) override { return real.change_status(c); }
    bool put_staff_token(std::string_view n, const Digest& d, std::int64_t at) override {
        return real.put_staff_token(n, d, at);
    }
    std::vector<StaffToken> staff_tokens() override { return real.staff_tokens(); }
    void add_rating(std::string_view p, std::string_view m, int score) override { real.add_rating(p, m, score); }
    std::vector<RatingCounts> ratings(std::optional<std::string_view> m) override { return real.ratings(m); }
};

struct Fixture {
    TempDir site;
    FakeStore store;
    Services services{site.path(), store, {}};

    Fixture() {
        site.write("index.html", "<!doctype html><title>t</title>");
        site.write("app.js", "console.log('raw')");
        site.write("app.js.br", "BR-BYTES");
        site.write("app.js.gz", "GZ-BYTES");
        site.write("app.wasm", std::string("\0asm\1\0\0\0", 8));
    }

    Response get(std::string target, http::verb method = http::verb::get, std::string accept_encoding = {}) {
        Request req{method, target, 11};
        if (!accept_encoding.empty()) req.set(http::field::accept_encoding, accept_encoding);
        return route(req, services);
    }
};

std::string error_code_of(const Response& res) {
    REQUIRE(res[http::field::content_type] == "application/json; charset=utf-8");
    const auto body = boost::json::parse(res.body()).as_object();
    const auto& error = body.at("error").as_object();
    CHECK(!error.at("message").as_object().at("en").as_string().empty());
    CHECK(!error.at("message").as_object().at("ja").as_string().empty());
    return std::string(error.at("code").as_string());
}

}  // namespace

TEST_CASE("endpoint route: health reports ok when the store answers", "[endpoint]") {
    Fixture f;
    const Response res = f.get("/api/v1/health");
    CHECK(res.result() == http::status::ok);
    CHECK(res.body() == R"({"status":"ok","database":"ok","version":"1"})");
    CHECK(res[http::field::content_length] == std::to_string(res.body().size()));
    CHECK(res["X-Content-Type-Options"] == "nosniff");
    CHECK(res["Referrer-Policy"] == "no-referrer");
}

TEST_CASE("endpoint route: health is 503 database_unavailable when the store fails", "[endpoint]") {
    Fixture f;
    f.store.mode = FakeStore::Mode::down;
    const Response res = f.get("/api/v1/health");
    CHECK(res.result() == http::status::service_unavailable);
    CHECK(error_code_of(res) == "database_unavailable");
}

TEST_CASE("endpoint route: an exception becomes a 500 internal error", "[endpoint]") {
    Fixture f;
    f.store.mode = FakeStore::Mode::throws;
    const Response res = f.get("/api/v1/health");
    CHECK(res.result() == http::status::internal_server_error);
    CHECK(error_code_of(res) == "internal");
    CHECK(res.body().find("disk on fire") == std::string::npos);  // internals stay in the log
}

TEST_CASE("endpoint route: unknown API routes and wrong methods", "[endpoint]") {
    Fixture f;
    const Response missing = f.get("/api/v1/nope?x=1", http::verb::post);
    CHECK(missing.result() == http::status::not_found);
    CHECK(error_code_of(missing) == "not_found");
    CHECK(missing.body().find("POST /api/v1/nope") != std::string::npos);

    const Response wrong = f.get("/api/v1/health", http::verb::delete_);
    CHECK(wrong.result() == http::status::method_not_allowed);
    CHECK(wrong[http::field::allow] == "GET, HEAD");
    CHECK(error_code_of(wrong) == "method_not_allowed");

    // API paths are not percent-decoded, so an encoded /api/ is a file lookup, never an API call.
    CHECK(f.get("/%61pi/v1/health").result() == http::status::not_found);
}

TEST_CASE("endpoint route: responses follow the request's version and keep-alive", "[endpoint]") {
    Fixture f;
    Request old{http::verb::get, "/", 10};
    const Response res = route(old, f.services);
    CHECK(res.version() == 10);
    CHECK_FALSE(res.keep_alive());
    CHECK(f.get("/").keep_alive());
}

TEST_CASE("endpoint route: static files, encodings and HEAD", "[endpoint]") {
    Fixture f;
    const Response index = f.get("/");
    CHECK(index.result() == http::status::ok);
    CHECK(index[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(index["Content-Security-Policy"].find("'wasm-unsafe-eval'") != std::string::npos);
    CHECK(index[http::field::cache_control] == "no-cache");

    CHECK(f.get("/app.js", http::verb::get, "gzip, br").body() == "BR-BYTES");
    CHECK(f.get("/app.js", http::verb::get, "gzip").body() == "GZ-BYTES");
    const Response raw = f.get("/app.js");
    CHECK(raw.body() == "console.log('raw')");
    CHECK(raw[http::field::vary] == "Accept-Encoding");
    CHECK(raw[http::field::content_encoding].empty());

    const Response wasm = f.get("/app.wasm", http::verb::head);
    CHECK(wasm[http::field::content_type] == "application/wasm");
    CHECK(wasm[http::field::content_length] == "8");
    CHECK(wasm.body().empty());
    CHECK(wasm[http::field::vary] == "Accept-Encoding");
}

TEST_CASE("endpoint route: If-None-Match gives 304 with no body", "[endpoint]") {
    Fixture f;
    const Response first = f.get("/app.wasm");
    Request again{http::verb::get, "/app.wasm", 11};
    again.set(http::field::if_none_match, "\"other\", W/" + std::string(first[http::field::etag]));
    const Response res = route(again, f.services);
    CHECK(res.result() == http::status::not_modified);
    CHECK(res.body().empty());
    CHECK(res[http::field::content_length].empty());
    CHECK(res[http::field::etag] == first[http::field::etag]);
}

TEST_CASE("endpoint route: traversal and bad paths are refused", "[endpoint]") {
    Fixture f;
    for (const char* target : {"/../x", "/%2e%2e/x", "/a/%2E%2E/b", "/..%2fx", "/a\\b", "/%5c", "/a%00b", "/%", "/%g0",
                               "x", "http://h/"}) {
        INFO(target);
        const Response res = f.get(target);
        CHECK(res.result() == http::status::bad_request);
        CHECK(error_code_of(res) == "bad_request");
    }
    for (const char* target : {"/missing", "//index.html", "/index.html/", "/.hidden"}) {
        INFO(target);
        CHECK(f.get(target).result() == http::status::not_found);
    }
}

TEST_CASE("endpoint resolve_site_path: decoding and refusals", "[endpoint]") {
    CHECK(resolve_site_path("/").relative == "index.html");
    const SitePath ok = resolve_site_path("/a%20b/c%2Ejs");
    CHECK(ok.kind == SitePath::Kind::file);
    CHECK(ok.relative == std::filesystem::path("a b") / "c.js");
    CHECK(resolve_site_path("/%2e%2e").problem == PathProblem::dot_segment);
    CHECK(resolve_site_path("/a%2fb").problem == PathProblem::encoded_slash);
    CHECK(resolve_site_path("/a%5Cb").problem == PathProblem::backslash);
    CHECK(resolve_site_path("/a%00").problem == PathProblem::nul);
    CHECK(resolve_site_path("/a%2").problem == PathProblem::bad_percent_encoding);
    // A refusal anywhere wins over a segment that is merely missing.
    CHECK(resolve_site_path("//..").kind == SitePath::Kind::refused);
}

TEST_CASE("endpoint choose_encoding: q-values, wildcards, availability", "[endpoint]") {
    CHECK(choose_encoding("", true, true) == Encoding::identity);
    CHECK(choose_encoding("br, gzip", true, true) == Encoding::br);
    CHECK(choose_encoding("gzip, br", true, true) == Encoding::br);
    CHECK(choose_encoding("br, gzip", false, true) == Encoding::gzip);
    CHECK(choose_encoding("BR;Q=0.9, GZIP;q=1", true, true) == Encoding::gzip);
    CHECK(choose_encoding("br;q=0", true, true) == Encoding::identity);
    CHECK(choose_encoding("*", true, true) == Encoding::br);
    CHECK(choose_encoding("*;q=0.5, br;q=0", true, true) == Encoding::gzip);
    CHECK(choose_encoding("x-gzip", true, true) == Encoding::gzip);
    CHECK(choose_encoding("br;q=bogus, gzip", true, true) == Encoding::gzip);
    CHECK(choose_encoding("br;q=2", true, false) == Encoding::identity);
}

TEST_CASE("endpoint content_type_for: the web build's file types", "[endpoint]") {
    CHECK(content_type_for("app.wasm").mime == "application/wasm");
    CHECK(content_type_for("app.js").mime == "text/javascript; charset=utf-8");
    CHECK(content_type_for("INDEX.HTML").mime == "text/html; charset=utf-8");
    CHECK(content_type_for("f.ttf").mime == "font/ttf");
    CHECK(content_type_for("manifest.webmanifest").mime == "application/manifest+json");
    CHECK(content_type_for("icon.png").compressible == false);
    CHECK(content_type_for("noext").mime == "application/octet-stream");
    CHECK(content_type_for("x.js.br").mime == "application/octet-stream");
}

TEST_CASE("endpoint printable: echoed request text cannot inject", "[endpoint]") {
    CHECK(printable("/a b\r\n") == "/a%20b%0D%0A");
    CHECK(printable("/\xE7\xAA\x93") == "/%E7%AA%93");
    CHECK(printable(std::string(500, 'a')).size() == 203);
}

TEST_CASE("endpoint route: a failing database is a 503 database_unavailable on API routes too", "[endpoint]") {
    Fixture f;
    const std::string token = new_token();
    f.store.put_staff_token("tanaka", sha256(token), 1);
    f.store.mode = FakeStore::Mode::throws;
    Request req{http::verb::get, "/api/v1/staff/submissions", 11};
    req.set(http::field::authorization, "Bearer " + token);
    const Response res = route(req, f.services);
    CHECK(res.result() == http::status::service_unavailable);
    CHECK(error_code_of(res) == "database_unavailable");
    CHECK(res.body().find("locked") == std::string::npos);
}

TEST_CASE("endpoint route: HSTS only when a TLS proxy is declared", "[endpoint]") {
    Fixture f;
    CHECK(f.get("/")["Strict-Transport-Security"].empty());
    f.services.hsts = true;
    CHECK(f.get("/")["Strict-Transport-Security"] == "max-age=31536000");
    CHECK(f.get("/api/v1/nope")["Strict-Transport-Security"] == "max-age=31536000");
    const std::string csp(f.get("/")["Content-Security-Policy"]);
    CHECK(csp.find("connect-src 'self'") != std::string::npos);
    CHECK(csp.find("'unsafe-inline'") == std::string::npos);
    CHECK(csp.find("'unsafe-eval'") == std::string::npos);
}
