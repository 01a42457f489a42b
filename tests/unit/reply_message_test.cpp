// Notes from the ward open only on the resident's device: the checked-in vector, a round trip, tampering.
#include <catch2/catch.hpp>
#include <sodium.h>

#include <boost/json.hpp>

#include "bytes_text.hpp"
#include "crypto/reply_message.hpp"
#include "crypto/sodium_runtime.hpp"
#include "fixtures.hpp"

using namespace madoguchi::crypto;

namespace {

using test_bytes::unhex;

struct ReplyKeys {
  std::array<std::uint8_t, 32> public_key{};
  SecretBytes secret_key{32};
};

ReplyKeys vector_keys(const boost::json::object& doc) {
  ReplyKeys k;
  const auto pk = unhex(doc.at("reply_public_key").as_string());
  const auto sk = unhex(doc.at("reply_secret_key").as_string());
  std::copy(pk.begin(), pk.end(), k.public_key.begin());
  std::copy(sk.begin(), sk.end(), k.secret_key.data());
  return k;
}

}  // namespace

TEST_CASE("a ward's note sealed to the reply key opens to the known message", "[reply]") {
  REQUIRE(ensure_sodium());
  const auto doc = boost::json::parse(fixtures::read_file(std::string(MADOGUCHI_SOURCE_DIR) +
                                                          "/crypto/test-vectors/reply-message.json")).as_object();
  const ReplyKeys keys = vector_keys(doc);
  const auto opened = open_reply(unhex(doc.at("sealed").as_string()), keys.public_key, keys.secret_key);
  REQUIRE(opened);
  CHECK(std::string(opened->begin(), opened->end()) == std::string(doc.at("message").as_string()));
}

TEST_CASE("a note opens only with its reply key and only unchanged", "[reply]") {
  REQUIRE(ensure_sodium());
  ReplyKeys mine, other;
  crypto_box_keypair(mine.public_key.data(), mine.secret_key.data());
  crypto_box_keypair(other.public_key.data(), other.secret_key.data());
  const std::string note = "本人確認書類の写しをもう一度送ってください。";
  auto sealed = seal_reply({reinterpret_cast<const std::uint8_t*>(note.data()), note.size()}, mine.public_key);
  CHECK(sealed.size() == note.size() + crypto_box_SEALBYTES);

  const auto opened = open_reply(sealed, mine.public_key, mine.secret_key);
  REQUIRE(opened);
  CHECK(std::string(opened->begin(), opened->end()) == note);
  CHECK_FALSE(open_reply(sealed, other.public_key, other.secret_key));
  sealed[40] ^= 1;
  CHECK_FALSE(open_reply(sealed, mine.public_key, mine.secret_key));
  CHECK_FALSE(open_reply(std::vector<std::uint8_t>(10), mine.public_key, mine.secret_key));
  CHECK_THROWS_AS(seal_reply(std::vector<std::uint8_t>(kReplyMaxPlaintextBytes + 1), mine.public_key), std::length_error);
}
