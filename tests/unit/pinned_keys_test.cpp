// Which ward key a submission is sealed to: only a key pinned in the app and listed by the server,
// the server's first choice among those, and a resident-facing message when there is none.
#include <catch2/catch.hpp>

#include "core/pinned_keys.hpp"
#include "crypto/ward_key_file.hpp"
#include "fixtures.hpp"

using madoguchi::choose_seal_key;
using madoguchi::KeyListError;
using madoguchi::NoSealKey;
using madoguchi::parse_key_list;
using madoguchi::crypto::WardPublicKey;

namespace {

WardPublicKey new_key() { return madoguchi::crypto::generate_ward_key_pair().public_key; }

std::string entry(const WardPublicKey& k) {
  return R"({"key_id":")" + k.key_id + R"(","public_key":")" + madoguchi::crypto::public_key_base64(k) + R"("})";
}

std::string key_list(const std::vector<WardPublicKey>& keys) {
  std::string out = R"({"keys":[)";
  for (std::size_t i = 0; i < keys.size(); ++i) out += (i ? "," : "") + entry(keys[i]);
  return out + "]}";
}

std::vector<WardPublicKey> parsed(const std::string& text) {
  auto result = parse_key_list(text);
  REQUIRE(std::holds_alternative<std::vector<WardPublicKey>>(result));
  return std::get<std::vector<WardPublicKey>>(result);
}

std::string parse_error(const std::string& text) {
  auto result = parse_key_list(text);
  REQUIRE(std::holds_alternative<KeyListError>(result));
  return std::get<KeyListError>(result).detail;
}

NoSealKey no_key(const std::variant<WardPublicKey, NoSealKey>& result) {
  REQUIRE(std::holds_alternative<NoSealKey>(result));
  return std::get<NoSealKey>(result);
}

}  // namespace

TEST_CASE("the site's key list reads in its order, with each key id checked", "[pinned-keys]") {
  const WardPublicKey a = new_key(), b = new_key();
  const auto keys = parsed(key_list({a, b}));
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].key_id == a.key_id);
  CHECK(keys[0].bytes == a.bytes);
  CHECK(keys[1].key_id == b.key_id);
  CHECK(parsed(R"({"keys":[]})").empty());
}

TEST_CASE("fields a later server adds are ignored", "[pinned-keys]") {
  const WardPublicKey a = new_key();
  std::string text = key_list({a});
  text.insert(text.size() - 3, R"(,"not_after":"2027-03-31")");
  text.insert(1, R"("generated":"2026-04-01",)");
  REQUIRE(parsed(text).size() == 1);
}

TEST_CASE("a key list that is wrong anywhere is refused, saying where", "[pinned-keys]") {
  const WardPublicKey a = new_key(), b = new_key();
  CHECK_THAT(parse_error("{\"keys\": ["), Catch::Contains("line 1"));
  CHECK(parse_error(R"({"key":[]})") == "$.keys: expected an array of keys");
  CHECK(parse_error(R"({"keys":[1]})") == "$.keys[0]: expected an object with key_id and public_key");
  CHECK(parse_error(R"({"keys":[{"public_key":"x"}]})") == "$.keys[0].key_id: expected a string");
  CHECK(parse_error(R"({"keys":[{"key_id":"0011223344556677","public_key":"AAAA"}]})") ==
        "$.keys[0].public_key: expected base64 of 32 bytes");
  // A pinned key's id paired with another key's bytes (or the other way round) is not taken on trust.
  std::string mixed = R"({"keys":[)" + entry(a) + R"(,{"key_id":")" + a.key_id + R"(","public_key":")" +
                      madoguchi::crypto::public_key_base64(b) + R"("}]})";
  CHECK_THAT(parse_error(mixed), Catch::StartsWith("$.keys[1].key_id: " + a.key_id + " is not the key id of its public key"));
}

TEST_CASE("the seal key is the server's first choice among the pinned keys", "[pinned-keys]") {
  const WardPublicKey old_key = new_key(), new_ward_key = new_key();
  const std::vector<WardPublicKey> pinned{new_ward_key, old_key};
  // During a rotation the server lists both; its order decides.
  auto chosen = choose_seal_key(pinned, key_list({old_key, new_ward_key}));
  REQUIRE(std::holds_alternative<WardPublicKey>(chosen));
  CHECK(std::get<WardPublicKey>(chosen).key_id == old_key.key_id);
  chosen = choose_seal_key(pinned, key_list({new_ward_key}));
  REQUIRE(std::holds_alternative<WardPublicKey>(chosen));
  CHECK(std::get<WardPublicKey>(chosen).key_id == new_ward_key.key_id);
}

TEST_CASE("a key only the server names is never used", "[pinned-keys]") {
  const WardPublicKey pinned_key = new_key(), intruder = new_key();
  auto chosen = choose_seal_key({pinned_key}, key_list({intruder, pinned_key}));
  REQUIRE(std::holds_alternative<WardPublicKey>(chosen));
  CHECK(std::get<WardPublicKey>(chosen).bytes == pinned_key.bytes);

  const NoSealKey none = no_key(choose_seal_key({pinned_key}, key_list({intruder})));
  CHECK(none.reason == NoSealKey::NoPinnedKeyListed);
  CHECK_THAT(none.detail, Catch::Contains(intruder.key_id) && Catch::Contains(pinned_key.key_id));
}

TEST_CASE("no usable key gives one message for the resident, for every reason", "[pinned-keys]") {
  const WardPublicKey k = new_key();
  CHECK(no_key(choose_seal_key({}, key_list({k}))).reason == NoSealKey::NothingPinned);
  CHECK(no_key(choose_seal_key({k}, "<html>502 Bad Gateway</html>")).reason == NoSealKey::ServerAnswerUnreadable);
  CHECK(no_key(choose_seal_key({k}, R"({"keys":[]})")).reason == NoSealKey::NoPinnedKeyListed);

  const madoguchi::Messages messages = fixtures::real_messages();
  const std::string_view key = NoSealKey::kMessageKey;
  CHECK_THAT(std::string(messages.get("ja", key)), Catch::Contains("下書き") && Catch::Contains("窓口"));
  CHECK_THAT(std::string(messages.get("en", key)),
             Catch::Contains("cannot be sent safely") && Catch::Contains("draft is kept") && Catch::Contains("counter"));
  CHECK_THAT(std::string(messages.get("ja-x-easy", key)), Catch::Contains("まどぐち"));
}
