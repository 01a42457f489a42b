// What leaves the device: an envelope the ward's key opens to the same application, a fresh submission
// id, status token and reply key each time; and each answer of the endpoint read as what the resident
// is told (openapi.yaml's statuses and error codes).
#include <catch2/catch.hpp>

#include <set>

#include "core/outgoing_submission.hpp"
#include "crypto/envelope.hpp"

using namespace madoguchi;

TEST_CASE("a sealed application opens with the ward's key to the same procedure, answers and reply key", "[send]") {
  const crypto::WardKeyPair ward = crypto::generate_ward_key_pair();
  const std::string json = R"({"answers":{"phone":"090-1234-5678"},"language":"ja"})";
  const SealedApplication sealed = seal_application("kokuho-kanyu", json, ward.public_key, "2026-11-23T01:02:03Z");
  auto opened = crypto::open_envelope(sealed.envelope, ward);
  REQUIRE(std::holds_alternative<crypto::OpenedEnvelope>(opened));
  const auto& o = std::get<crypto::OpenedEnvelope>(opened);
  CHECK(o.header.submission_id == sealed.submission_id);
  CHECK(o.header.created == "2026-11-23T01:02:03Z");
  CHECK(o.header.key_id == ward.public_key.key_id);
  CHECK(o.submission.procedure == "kokuho-kanyu");
  CHECK(o.submission.application_json == json);
  CHECK(o.submission.reply_key == sealed.reply_key.public_key.bytes);
}

TEST_CASE("every sealing makes its own submission id, status token and reply key", "[send]") {
  const crypto::WardKeyPair ward = crypto::generate_ward_key_pair();
  std::set<std::string> ids, tokens, reply_keys;
  for (int i = 0; i < 8; ++i) {
    const SealedApplication s = seal_application("shugaku", R"({"answers":{},"language":"en"})", ward.public_key,
                                                 "2026-11-23T01:02:03Z");
    ids.insert(s.submission_id);
    tokens.insert(s.status_token);
    reply_keys.insert(s.reply_key.public_key.key_id);
    CHECK(s.status_token.size() == 43);
    CHECK(s.status_token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
  }
  CHECK(ids.size() == 8);
  CHECK(tokens.size() == 8);
  CHECK(reply_keys.size() == 8);
}

TEST_CASE("the endpoint's answers become a receipt or what the resident is told", "[send]") {
  const std::string created = R"({"receipt":"7K3M-9QXW-2HPD","submission_id":"x","received":"t","status":"new"})";
  CHECK(read_send_answer(201, created).receipt == "7K3M-9QXW-2HPD");
  CHECK(read_send_answer(200, created).receipt == "7K3M-9QXW-2HPD");  // a retry after a lost answer
  CHECK(read_send_answer(201, R"({"receipt":"<script>"})").message_key == "send.error.server");
  CHECK(read_send_answer(201, "not json").message_key == "send.error.server");
  CHECK(read_send_answer(0, "").message_key == "send.error.offline");
  CHECK(read_send_answer(413, "").message_key == "send.error.too_large");
  CHECK(read_send_answer(429, "").message_key == "send.error.busy");
  CHECK(read_send_answer(503, "").message_key == "send.error.server");
  CHECK(read_send_answer(422, R"({"error":{"code":"unknown_key","message":{"ja":"…","en":"…"}}})").message_key ==
        "send.error.no_trusted_key");
  const SendAnswer refused = read_send_answer(400, R"({"error":{"code":"truncated_envelope"}})");
  CHECK_FALSE(refused.receipt);
  CHECK(refused.message_key == "send.error.refused");
  CHECK(refused.params.at("code") == "truncated_envelope");
  CHECK(read_send_answer(404, "").params.at("code") == "404");
}

TEST_CASE("a sent application's token and reply key survive as a device record, and open its notes", "[send]") {
  const crypto::WardKeyPair ward = crypto::generate_ward_key_pair();
  const SealedApplication sealed = seal_application("shugaku", R"({"answers":{},"language":"ja"})", ward.public_key,
                                                    "2026-11-23T01:02:03Z");
  const std::string text = sent_keys_text(sealed);
  const auto back = read_sent_keys(text);
  REQUIRE(back);
  CHECK(back->status_token == sealed.status_token);
  CHECK(back->submission_id == sealed.submission_id);
  CHECK(back->reply_key.public_key.key_id == sealed.reply_key.public_key.key_id);
  CHECK(back->reply_key.secret_key == sealed.reply_key.secret_key);
  CHECK(back->envelope.empty());
  CHECK_FALSE(read_sent_keys("{}"));
  CHECK_FALSE(read_sent_keys(R"({"format":"madoguchi-sent-keys/1","status_token":"x","reply_public_key":"AA","reply_secret_key":"AA"})"));
}
