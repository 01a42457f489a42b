// The rating routes through route(), without sockets: what a resident's rating may hold, the month it is
// counted in (from the pinned clock), and what staff read back: ended months only, scores only from five
// ratings up.
#include "digest.hpp"
#include "router.hpp"
#include "sqlite_store.hpp"
#include "temp_dir.hpp"
#include "tokens.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <string>

using namespace madoguchi::endpoint;
namespace json = boost::json;

namespace {

constexpr std::int64_t kNovember = 1764000000;  // 2025-11-24T16:00:00Z
constexpr std::int64_t kDecember = 1764547200;  // 2025-12-01T00:00:00Z, the first second of the month
constexpr std::int64_t kJanuary = 1767225600;   // 2026-01-01T00:00:00Z

struct Ratings {
    TempDir site;
    TempDir data;
    SqliteStore store{data.path() / "portal.db"};
    std::int64_t clock = kNovember;
    Services services{site.path(), store, {}, false, [this] { return clock; }};
    std::string staff_token = new_token();

    Ratings() { store.put_staff_token("tanaka", sha256(staff_token), 1); }

    Response rate(const std::string& body, const std::string& content_type = "application/json") {
        Request req{http::verb::post, "/api/v1/ratings", 11};
        if (!content_type.empty()) req.set(http::field::content_type, content_type);
        req.body() = body;
        req.prepare_payload();
        return route(req, services);
    }

    Response counts(const std::string& query = {}, const std::string& token = "use-staff-token") {
        Request req{http::verb::get, "/api/v1/staff/ratings" + query, 11};
        const std::string bearer = token == "use-staff-token" ? staff_token : token;
        if (!bearer.empty()) req.set(http::field::authorization, "Bearer " + bearer);
        return route(req, services);
    }
};

std::string error_code_of(const Response& res) {
    CHECK(res[http::field::content_type] == "application/json; charset=utf-8");
    return std::string(json::parse(res.body()).at("error").at("code").as_string());
}

}  // namespace

TEST_CASE("endpoint ratings: a rating is 204 and counted in the server's UTC month, shown once it has ended",
          "[endpoint]") {
    Ratings r;
    const Response res = r.rate(R"({"procedure":"kokuho-kanyu","score":4})");
    CHECK(res.result() == http::status::no_content);
    CHECK(res.body().empty());
    CHECK(r.rate(R"({"score":5,"procedure":"kokuho-kanyu"})", "Application/JSON; charset=utf-8").result() ==
          http::status::no_content);
    const Response november = r.counts();
    REQUIRE(november.result() == http::status::ok);
    CHECK(november[http::field::cache_control] == "no-store");
    CHECK(json::parse(november.body()) == json::parse(R"({"ratings":[],"counting":"2025-11"})"));

    r.clock = kDecember - 1;
    CHECK(r.rate(R"({"procedure":"kokuho-kanyu","score":3})").result() == http::status::no_content);
    r.clock = kDecember;
    CHECK(r.rate(R"({"procedure":"kokuho-kanyu","score":1})").result() == http::status::no_content);
    CHECK(r.rate(R"({"procedure":"juminhyo-copy","score":3})").result() == http::status::no_content);
    CHECK(json::parse(r.counts().body()) == json::parse(R"({"ratings":[
        {"procedure":"kokuho-kanyu","month":"2025-11","total":3}],"counting":"2025-12"})"));

    r.clock = kJanuary;
    CHECK(json::parse(r.counts().body()) == json::parse(R"({"ratings":[
        {"procedure":"kokuho-kanyu","month":"2025-11","total":3},
        {"procedure":"juminhyo-copy","month":"2025-12","total":1},
        {"procedure":"kokuho-kanyu","month":"2025-12","total":1}],"counting":"2026-01"})"));
    CHECK(json::parse(r.counts("?month=2025-11").body()) ==
          json::parse(R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2025-11","total":3}],"counting":"2026-01"})"));
    CHECK(json::parse(r.counts("?month=2024-01").body()) == json::parse(R"({"ratings":[],"counting":"2026-01"})"));
}

TEST_CASE("endpoint ratings: a rating that arrives after staff read the counts changes nothing they can read",
          "[endpoint]") {
    Ratings r;
    for (int score : {5, 5, 4, 1, 5, 2}) r.store.add_rating("kokuho-kanyu", "2025-10", score);
    for (int i = 0; i < 7; ++i) r.store.add_rating("tennyu-todoke", "2025-11", 4);
    const std::string before = r.counts().body();
    CHECK(r.rate(R"({"procedure":"kokuho-kanyu","score":2})").result() == http::status::no_content);
    CHECK(r.rate(R"({"procedure":"tennyu-todoke","score":1})").result() == http::status::no_content);
    CHECK(r.counts().body() == before);
    CHECK(r.counts("?month=2025-11").body() == R"({"ratings":[],"counting":"2025-11"})");
    CHECK(json::parse(before) == json::parse(R"({"ratings":[
        {"procedure":"kokuho-kanyu","month":"2025-10","total":6,"counts":[1,1,0,1,3]}],"counting":"2025-11"})"));
}

TEST_CASE("endpoint ratings: scores are shown only where at least five residents rated", "[endpoint]") {
    Ratings r;
    for (int score : {5, 5, 4, 1}) r.store.add_rating("juminhyo-copy", "2025-10", score);
    for (int score : {5, 5, 4, 1, 5}) r.store.add_rating("kokuho-kanyu", "2025-10", score);
    CHECK(json::parse(r.counts("?month=2025-10").body()) == json::parse(R"({"ratings":[
        {"procedure":"juminhyo-copy","month":"2025-10","total":4},
        {"procedure":"kokuho-kanyu","month":"2025-10","total":5,"counts":[1,0,0,1,3]}],"counting":"2025-11"})"));
}

TEST_CASE("endpoint ratings: anything but a procedure id and a score from 1 to 5 is refused and not counted",
          "[endpoint]") {
    Ratings r;
    for (const char* body : {R"({"procedure":"kokuho-kanyu","score":0})", R"({"procedure":"kokuho-kanyu","score":6})",
                             R"({"procedure":"kokuho-kanyu","score":-1})",
                             R"({"procedure":"kokuho-kanyu","score":"3"})",
                             R"({"procedure":"kokuho-kanyu","score":3.0})",
                             R"({"procedure":"kokuho-kanyu","score":null})",
                             R"({"procedure":"kokuho-kanyu","score":18446744073709551615})",
                             R"({"procedure":"kokuho-kanyu"})", R"({"score":3})", R"({"procedure":3,"score":3})",
                             R"({"procedure":"","score":3})", R"({"procedure":"Kokuho-Kanyu","score":3})",
                             R"({"procedure":"kokuho kanyu","score":3})", R"({"procedure":"../x","score":3})",
                             R"({"procedure":"kokuho-kanyu","score":3,"receipt":"ABCD-EFGH-JKMN"})",
                             R"([{"procedure":"kokuho-kanyu","score":3}])", "procedure=kokuho-kanyu&score=3", ""}) {
        INFO(body);
        const Response res = r.rate(body);
        CHECK(res.result() == http::status::bad_request);
        CHECK(error_code_of(res) == "bad_rating");
    }
    const std::string longest(64, 'a');
    CHECK(r.rate(R"({"procedure":")" + longest + R"(","score":2})").result() == http::status::no_content);
    CHECK(error_code_of(r.rate(R"({"procedure":")" + longest + R"(a","score":2})")) == "bad_rating");

    const Response text = r.rate(R"({"procedure":"kokuho-kanyu","score":3})", "text/plain");
    CHECK(text.result() == http::status::unsupported_media_type);
    CHECK(error_code_of(text) == "unsupported_media_type");
    CHECK(error_code_of(r.rate(R"({"procedure":"kokuho-kanyu","score":3})", "")) == "unsupported_media_type");

    const auto counted = r.store.ratings(std::nullopt);
    REQUIRE(counted.size() == 1);
    CHECK(counted[0].procedure == longest);
}

TEST_CASE("endpoint ratings: the counts need a staff token and a month that is YYYY-MM", "[endpoint]") {
    Ratings r;
    for (const std::string& token : {std::string(), new_token()}) {
        const Response res = r.counts({}, token);
        CHECK(res.result() == http::status::unauthorized);
        CHECK(error_code_of(res) == "staff_unauthorized");
    }
    for (const char* query : {"?month=2025-13", "?month=2025-00", "?month=2025-1", "?month=25-11", "?month=",
                              "?month", "?month=2025-11-24", "?month=2025%2D11"}) {
        INFO(query);
        const Response res = r.counts(query);
        CHECK(res.result() == http::status::bad_request);
        CHECK(error_code_of(res) == "bad_month");
    }
    CHECK(r.counts("?month=2025-12").result() == http::status::ok);
}

TEST_CASE("endpoint ratings: a 256-byte body limit and the routes' methods", "[endpoint]") {
    CHECK(body_limit_for(http::verb::post, "/api/v1/ratings") == 256);
    CHECK(body_limit_for(http::verb::get, "/api/v1/staff/ratings") == 1024u * 1024);
    Ratings r;
    const Response get = route(Request{http::verb::get, "/api/v1/ratings", 11}, r.services);
    CHECK(get.result() == http::status::method_not_allowed);
    CHECK(get[http::field::allow] == "POST");
    const Response post = route(Request{http::verb::post, "/api/v1/staff/ratings", 11}, r.services);
    CHECK(post[http::field::allow] == "GET, HEAD");
}
