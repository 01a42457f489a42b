// Drafts at rest: the checked-in known answer, a round trip, and every way a record must refuse to open.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "bytes_text.hpp"
#include "crypto/device_record.hpp"
#include "fixtures.hpp"

using namespace madoguchi::crypto;
using test_bytes::unhex;

namespace {

SecretBytes key_from(const test_bytes::Bytes& bytes) {
  SecretBytes key(bytes.size());
  std::copy(bytes.begin(), bytes.end(), key.data());
  return key;
}

}  // namespace

TEST_CASE("a draft sealed with the vector's key and nonce gives the checked-in bytes", "[device-record]") {
  const auto doc = boost::json::parse(fixtures::read_file(std::string(MADOGUCHI_SOURCE_DIR) +
                                                          "/crypto/test-vectors/device-record-v1.json")).as_object();
  const SecretBytes key = key_from(unhex(doc.at("device_key").as_string()));
  const auto nonce_bytes = unhex(doc.at("nonce").as_string());
  std::array<std::uint8_t, kDeviceRecordNonceBytes> nonce{};
  std::copy(nonce_bytes.begin(), nonce_bytes.end(), nonce.begin());
  const std::string id(doc.at("record_id").as_string());
  const std::string text(doc.at("plaintext").as_string());
  const auto sealed = unhex(doc.at("sealed").as_string());

  CHECK(seal_device_record(key, id, text, nonce) == sealed);
  const auto opened = open_device_record(key, id, sealed);
  REQUIRE(opened);
  CHECK(*opened == text);
  CHECK_FALSE(open_device_record(key, "draft/other", sealed));
}

TEST_CASE("a record opens only with its key, under its id, unchanged", "[device-record]") {
  const SecretBytes key = new_device_key();
  const SecretBytes other = new_device_key();
  CHECK_FALSE(key == other);
  const std::string draft = R"({"values":{"name":"髙橋 𠮷子"}})";
  auto sealed = seal_device_record(key, "draft/a", draft);
  CHECK(sealed.size() == draft.size() + 1 + 24 + 16);
  CHECK(seal_device_record(key, "draft/a", draft) != sealed);  // a fresh nonce each time

  REQUIRE(open_device_record(key, "draft/a", sealed) == draft);
  CHECK_FALSE(open_device_record(other, "draft/a", sealed));
  CHECK_FALSE(open_device_record(key, "draft/b", sealed));
  CHECK_FALSE(open_device_record(key, "draft/a", std::span(sealed).first(20)));
  auto changed = sealed;
  changed[30] ^= 1;
  CHECK_FALSE(open_device_record(key, "draft/a", changed));
  auto future = sealed;
  future[0] = 2;
  CHECK_FALSE(open_device_record(key, "draft/a", future));
  CHECK_THROWS_AS(seal_device_record(SecretBytes(16), "draft/a", draft), std::invalid_argument);
}
