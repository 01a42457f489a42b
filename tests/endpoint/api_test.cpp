// The submission and staff API through route(), without sockets: real sealed envelopes in, the
// statuses, bodies and headers the app and the inbox rely on out.
#include "digest.hpp"
#include "receipt.hpp"
#include "router.hpp"
#include "sqlite_store.hpp"
#include "temp_dir.hpp"
#include "tokens.hpp"

#include "crypto/envelope.hpp"
#include "../unit/bytes_text.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <sodium.h>

using namespace madoguchi::endpoint;
namespace crypto = madoguchi::crypto;
namespace json = boost::json;

namespace {

using test_bytes::base64;

std::string seal(const crypto::WardPublicKey& key, const std::string& submission_id, const std::string& application) {
    const crypto::Submission s{"juminhyo-copy", application, {}, {}};
    const auto bytes = crypto::seal_envelope(s, key, submission_id, "2026-11-23T09:30:00Z");
    return std::string(bytes.begin(), bytes.end());
}

struct Api {
    TempDir site;
    TempDir data;
    SqliteStore store{data.path() / "portal.db"};
    crypto::WardKeyPair ward = crypto::generate_ward_key_pair();
    Services services{site.path(), store, {}, false, [] { return std::int64_t{1764000000}; }};  // 2025-11-24T16:00:00Z
    std::string status_token = new_token();
    std::string staff_token = new_token();

    Api() {
        services.keys.keys.push_back({ward.public_key.key_id, base64(ward.public_key.bytes.data(), 32)});
        store.put_staff_token("tanaka", sha256(staff_token), 1);
    }

    Response post(const std::string& body, const std::string& token, std::string content_type = "application/vnd.madoguchi.envelope") {
        Request req{http::verb::post, "/api/v1/submissions", 11};
        if (!content_type.empty()) req.set(http::field::content_type, content_type);
        if (!token.empty()) req.set("Madoguchi-Status-Token", token);
        req.body() = body;
        req.prepare_payload();
        return route(req, services);
    }

    Response status(const std::string& receipt, const std::string& token) {
        Request req{http::verb::get, "/api/v1/submissions/" + receipt + "/status", 11};
        req.set("Madoguchi-Status-Token", token);
        return route(req, services);
    }

    Response staff(http::verb method, const std::string& target, const std::string& body = {},
                   std::string token = "use-staff-token") {
        Request req{method, target, 11};
        if (token == "use-staff-token") token = staff_token;
        if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
        if (!body.empty()) {
            req.set(http::field::content_type, "application/json");
            req.body() = body;
            req.prepare_payload();
        }
        return route(req, services);
    }

    // POSTs a fresh envelope and returns the receipt as shown (XXXX-XXXX-XXXX).
    std::string submit(std::string application = R"({"copies":1})") {
        const Response res = post(seal(ward.public_key, crypto::new_submission_id(), application), status_token);
        REQUIRE(res.result() == http::status::created);
        return std::string(json::parse(res.body()).at("receipt").as_string());
    }
};

json::object body_of(const Response& res) { return json::parse(res.body()).as_object(); }

std::string error_code_of(const Response& res) {
    CHECK(res[http::field::content_type] == "application/json; charset=utf-8");
    return std::string(body_of(res).at("error").at("code").as_string());
}

}  // namespace

TEST_CASE("endpoint api: a sealed application gets a receipt, and its status needs the token", "[endpoint]") {
    Api api;
    const std::string id = crypto::new_submission_id();
    const Response res = api.post(seal(api.ward.public_key, id, R"({"copies":2})"), api.status_token);
    REQUIRE(res.result() == http::status::created);
    const auto body = body_of(res);
    const std::string receipt(body.at("receipt").as_string());
    CHECK(receipt.size() == 14);
    CHECK(std::holds_alternative<std::string>(parse_receipt(receipt)));
    CHECK(body.at("submission_id") == json::value(id));
    CHECK(body.at("received") == json::value("2025-11-24T16:00:00Z"));
    CHECK(body.at("status") == json::value("new"));
    CHECK(res[http::field::location] == "/api/v1/submissions/" + receipt + "/status");
    CHECK(res[http::field::cache_control] == "no-store");

    const Response status = api.status(receipt, api.status_token);
    REQUIRE(status.result() == http::status::ok);
    CHECK(body_of(status) == json::parse(R"({"receipt":")" + receipt +
                                         R"(","status":"new","updated":"2025-11-24T16:00:00Z","messages":[]})"));
    // Typed by hand: lower case, no hyphens.
    std::string typed = receipt;
    std::erase(typed, '-');
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(api.status(typed, api.status_token).result() == http::status::ok);
}

TEST_CASE("endpoint api: a wrong token and an unknown receipt get the very same 404", "[endpoint]") {
    Api api;
    const std::string receipt = api.submit();
    const Response wrong_token = api.status(receipt, new_token());
    std::string payload = new_receipt().substr(0, 11);
    const Response unknown = api.status(payload + receipt_check_digit(payload), api.status_token);
    CHECK(wrong_token.result() == http::status::not_found);
    CHECK(error_code_of(wrong_token) == "no_submission");
    CHECK(unknown.result() == http::status::not_found);
    CHECK(unknown.body() == wrong_token.body());
    // A typo is caught by the check digit before anything is looked up.
    std::string typo = receipt;
    typo[0] = typo[0] == 'A' ? 'B' : 'A';
    CHECK(error_code_of(api.status(typo, api.status_token)) == "bad_receipt");
    CHECK(error_code_of(api.status(receipt, "short")) == "bad_status_token");
}

TEST_CASE("endpoint api: a retry with the same bytes gets the same receipt; other bytes a 409", "[endpoint]") {
    Api api;
    const std::string id = crypto::new_submission_id();
    const std::string envelope = seal(api.ward.public_key, id, R"({"copies":1})");
    const Response first = api.post(envelope, api.status_token);
    REQUIRE(first.result() == http::status::created);
    const Response retry = api.post(envelope, new_token());
    CHECK(retry.result() == http::status::ok);
    CHECK(retry.body() == first.body());
    // The first upload's token still reads the status; the retry's token never replaced it.
    CHECK(api.status(std::string(body_of(first).at("receipt").as_string()), api.status_token).result() ==
          http::status::ok);

    const Response other = api.post(seal(api.ward.public_key, id, R"({"copies":9})"), api.status_token);
    CHECK(other.result() == http::status::conflict);
    CHECK(error_code_of(other) == "submission_id_conflict");
    CHECK(api.store.list_submissions(std::nullopt).size() == 1);
}

TEST_CASE("endpoint api: uploads that are not a whole envelope for an accepted key are refused", "[endpoint]") {
    Api api;
    const std::string envelope = seal(api.ward.public_key, crypto::new_submission_id(), "{}");
    CHECK(api.post(envelope, api.status_token, "application/octet-stream").result() ==
          http::status::unsupported_media_type);
    CHECK(error_code_of(api.post(envelope, api.status_token, "")) == "unsupported_media_type");
    CHECK(api.post(envelope, api.status_token, "Application/Vnd.Madoguchi.Envelope; v=1").result() ==
          http::status::created);

    const std::string next = seal(api.ward.public_key, crypto::new_submission_id(), "{}");
    CHECK(error_code_of(api.post(next, "")) == "bad_status_token");
    CHECK(error_code_of(api.post(next, api.status_token + "=")) == "bad_status_token");
    const Response cut = api.post(next.substr(0, next.size() - 10), api.status_token);
    CHECK(cut.result() == http::status::bad_request);
    CHECK(error_code_of(cut) == "truncated_envelope");
    CHECK(body_of(cut).at("error").at("message").at("en").as_string().find("byte") != json::string::npos);
    CHECK(error_code_of(api.post(next + "x", api.status_token)) == "malformed_envelope");
    CHECK(error_code_of(api.post("not an envelope", api.status_token)) == "malformed_envelope");
    CHECK(error_code_of(api.post("", api.status_token)) == "truncated_envelope");

    const auto stranger = crypto::generate_ward_key_pair();
    const Response unknown = api.post(seal(stranger.public_key, crypto::new_submission_id(), "{}"), api.status_token);
    CHECK(unknown.result() == http::status::unprocessable_entity);
    CHECK(error_code_of(unknown) == "unknown_key");
    CHECK(api.store.list_submissions(std::nullopt).size() == 1);
}

TEST_CASE("endpoint api: a correction names the receipt it answers", "[endpoint]") {
    Api api;
    const std::string original = api.submit();
    Request req{http::verb::post, "/api/v1/submissions", 11};
    req.set(http::field::content_type, "application/vnd.madoguchi.envelope");
    req.set("Madoguchi-Status-Token", api.status_token);
    req.set("Madoguchi-Corrects", original);
    req.body() = seal(api.ward.public_key, crypto::new_submission_id(), R"({"copies":3})");
    REQUIRE(route(req, api.services).result() == http::status::created);
    const auto list = body_of(api.staff(http::verb::get, "/api/v1/staff/submissions")).at("submissions").as_array();
    REQUIRE(list.size() == 2);
    CHECK(list[0].at("corrects").is_null());
    CHECK(list[1].at("corrects") == json::value(original));

    req.set("Madoguchi-Corrects", "ABCD-EFGH-JKMU");
    CHECK(error_code_of(route(req, api.services)) == "bad_receipt");
}

TEST_CASE("endpoint api: the keys route lists the accepted keys", "[endpoint]") {
    Api api;
    const Response res = route(Request{http::verb::get, "/api/v1/keys", 11}, api.services);
    CHECK(res.result() == http::status::ok);
    CHECK(res[http::field::cache_control] == "no-cache");
    CHECK(body_of(res) == json::object{{"keys", json::array{json::object{
                                                    {"key_id", api.ward.public_key.key_id},
                                                    {"public_key", base64(api.ward.public_key.bytes.data(), 32)}}}}});
}

TEST_CASE("endpoint api: body limits are 32 MiB for envelopes and 1 MiB elsewhere", "[endpoint]") {
    CHECK(body_limit_for(http::verb::post, "/api/v1/submissions") == 32u * 1024 * 1024);
    CHECK(body_limit_for(http::verb::post, "/api/v1/submissions?x=1") == 32u * 1024 * 1024);
    CHECK(body_limit_for(http::verb::put, "/api/v1/submissions") == 1024u * 1024);
    CHECK(body_limit_for(http::verb::put, "/api/v1/staff/submissions/ABCD-EFGH-JKMN/status") == 1024u * 1024);
    CHECK(body_limit_for(http::verb::post, "/api/v1/health") == 1024u * 1024);
}

TEST_CASE("endpoint api: staff routes need a valid staff token", "[endpoint]") {
    Api api;
    const std::string receipt = api.submit();
    for (const std::string& target : {std::string("/api/v1/staff/submissions"),
                                      "/api/v1/staff/submissions/" + receipt + "/envelope"}) {
        for (const std::string& token : {std::string(), new_token(), std::string("not-a-token")}) {
            const Response res = api.staff(http::verb::get, target, {}, token);
            CHECK(res.result() == http::status::unauthorized);
            CHECK(error_code_of(res) == "staff_unauthorized");
            CHECK(res[http::field::www_authenticate] == "Bearer realm=\"madoguchi-staff\"");
        }
    }
    CHECK(api.staff(http::verb::put, "/api/v1/staff/submissions/" + receipt + "/status", R"({"status":"received"})",
                    new_token())
              .result() == http::status::unauthorized);
    // The status token of a submission is not a staff token.
    CHECK(api.staff(http::verb::get, "/api/v1/staff/submissions", {}, api.status_token).result() ==
          http::status::unauthorized);
}

TEST_CASE("endpoint api: staff list new submissions oldest first and download the exact envelope", "[endpoint]") {
    Api api;
    const std::string id = crypto::new_submission_id();
    const std::string envelope = seal(api.ward.public_key, id, R"({"copies":1})");
    REQUIRE(api.post(envelope, api.status_token).result() == http::status::created);
    const std::string second = api.submit();

    const Response list = api.staff(http::verb::get, "/api/v1/staff/submissions");
    REQUIRE(list.result() == http::status::ok);
    const auto rows = body_of(list).at("submissions").as_array();
    REQUIRE(rows.size() == 2);
    const auto& first = rows[0].as_object();
    CHECK(first.at("submission_id") == json::value(id));
    CHECK(first.at("key_id") == json::value(api.ward.public_key.key_id));
    CHECK(first.at("created") == json::value("2026-11-23T09:30:00Z"));
    CHECK(first.at("received") == json::value("2025-11-24T16:00:00Z"));
    CHECK(first.at("size") == json::value(envelope.size()));
    CHECK(first.at("status") == json::value("new"));
    CHECK(rows[1].at("receipt") == json::value(second));

    const std::string receipt(first.at("receipt").as_string());
    const Response download = api.staff(http::verb::get, "/api/v1/staff/submissions/" + receipt + "/envelope");
    CHECK(download.result() == http::status::ok);
    CHECK(download[http::field::content_type] == "application/vnd.madoguchi.envelope");
    CHECK(download.body() == envelope);

    CHECK(error_code_of(api.staff(http::verb::get, "/api/v1/staff/submissions?status=lost")) == "bad_status");
    CHECK(body_of(api.staff(http::verb::get, "/api/v1/staff/submissions?status=completed"))
              .at("submissions")
              .as_array()
              .empty());
    std::string payload = new_receipt().substr(0, 11);
    CHECK(error_code_of(api.staff(http::verb::get, "/api/v1/staff/submissions/" + payload +
                                                       receipt_check_digit(payload) + "/envelope")) == "no_submission");
}

TEST_CASE("endpoint api: a status change with a sealed message reaches the resident", "[endpoint]") {
    Api api;
    const std::string receipt = api.submit();
    const std::string target = "/api/v1/staff/submissions/" + receipt + "/status";
    const std::string sealed(80, '\x07');
    const std::string message = base64(reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size());
    api.services.now = [] { return std::int64_t{1764003600}; };
    const Response changed = api.staff(http::verb::put, target,
                                       R"({"status":"correction_requested","message":")" + message + R"("})");
    REQUIRE(changed.result() == http::status::ok);
    const auto expected = json::parse(R"({"receipt":")" + receipt +
                                      R"(","status":"correction_requested","updated":"2025-11-24T17:00:00Z",)"
                                      R"("messages":[{"id":1,"sent":"2025-11-24T17:00:00Z","sealed":")" +
                                      message + R"("}]})");
    CHECK(body_of(changed) == expected);
    CHECK(body_of(api.status(receipt, api.status_token)) == expected);

    CHECK(body_of(api.staff(http::verb::get, "/api/v1/staff/submissions?status=correction_requested"))
              .at("submissions")
              .as_array()
              .size() == 1);
    CHECK(body_of(api.staff(http::verb::get, "/api/v1/staff/submissions")).at("submissions").as_array().empty());
}

TEST_CASE("endpoint api: malformed status changes are refused and change nothing", "[endpoint]") {
    Api api;
    const std::string receipt = api.submit();
    const std::string target = "/api/v1/staff/submissions/" + receipt + "/status";
    CHECK(error_code_of(api.staff(http::verb::put, target, "{not json")) == "bad_json");
    CHECK(error_code_of(api.staff(http::verb::put, target, "[]")) == "bad_json");
    CHECK(error_code_of(api.staff(http::verb::put, target, R"({"status":"received","note":"x"})")) == "bad_json");
    CHECK(error_code_of(api.staff(http::verb::put, target, R"({"message":"AAAA"})")) == "bad_json");
    CHECK(error_code_of(api.staff(http::verb::put, target, R"({"status":"new"})")) == "bad_status");
    CHECK(error_code_of(api.staff(http::verb::put, target, R"({"status":"done"})")) == "bad_status");
    CHECK(error_code_of(api.staff(http::verb::put, target, R"({"status":"received","message":"!!"})")) ==
          "bad_message");
    CHECK(error_code_of(api.staff(http::verb::put, target, R"({"status":"received","message":"AAAA"})")) ==
          "bad_message");
    Request text{http::verb::put, target, 11};
    text.set(http::field::authorization, "Bearer " + api.staff_token);
    text.set(http::field::content_type, "text/plain");
    text.body() = R"({"status":"received"})";
    CHECK(error_code_of(route(text, api.services)) == "unsupported_media_type");
    CHECK(body_of(api.status(receipt, api.status_token)).at("status") == json::value("new"));

    std::string payload = new_receipt().substr(0, 11);
    CHECK(error_code_of(api.staff(http::verb::put,
                                  "/api/v1/staff/submissions/" + payload + receipt_check_digit(payload) + "/status",
                                  R"({"status":"received"})")) == "no_submission");
}

TEST_CASE("endpoint api: wrong methods on API routes are 405 with Allow", "[endpoint]") {
    Api api;
    const Response get_submissions = route(Request{http::verb::get, "/api/v1/submissions", 11}, api.services);
    CHECK(get_submissions.result() == http::status::method_not_allowed);
    CHECK(get_submissions[http::field::allow] == "POST");
    const Response post_status =
        route(Request{http::verb::post, "/api/v1/staff/submissions/ABCD-EFGH-JKMN/status", 11}, api.services);
    CHECK(post_status[http::field::allow] == "PUT");
    CHECK(route(Request{http::verb::delete_, "/api/v1/keys", 11}, api.services)[http::field::allow] == "GET, HEAD");
    CHECK(route(Request{http::verb::get, "/api/v1/submissions/A/B/status", 11}, api.services).result() ==
          http::status::not_found);
}
