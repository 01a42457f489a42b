// The ward's secret key file: the checked-in known answer, round trips, a wrong passphrase told apart
// from a damaged file, every tampered field caught, and nothing secret in error details.
#include <catch2/catch.hpp>

#include <sodium.h>

#include <boost/json.hpp>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "bytes_text.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/ward_key_file.hpp"

using namespace madoguchi::crypto;
namespace json = boost::json;
using Bytes = std::vector<std::uint8_t>;
using Code = WardKeyFileError::Code;

namespace {

using test_bytes::hex;
using test_bytes::unhex;

constexpr KdfLimits kSmall{2, 64 * 1024};  // Argon2id's cost does not matter to these tests
const std::string kPassphrase = "correct horse battery staple 窓口";

Bytes counting(std::size_t size, std::uint8_t start) {
  Bytes b(size);
  for (std::size_t i = 0; i < size; ++i) b[i] = static_cast<std::uint8_t>(start + i);
  return b;
}

std::string b64(const Bytes& b) {
  std::string out(sodium_base64_ENCODED_LEN(b.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), b.data(), b.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

Bytes unb64(std::string_view text) {
  Bytes b(text.size());
  std::size_t len = 0;
  REQUIRE(sodium_base642bin(b.data(), b.size(), text.data(), text.size(), nullptr, &len, nullptr,
                            sodium_base64_VARIANT_ORIGINAL) == 0);
  b.resize(len);
  return b;
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

// The checksum exactly as crypto/ward_key_file.md defines it, from the file's own field texts.
std::string checksum_as_documented(const json::object& f) {
  const json::object& kdf = f.at("kdf").as_object();
  const std::string text = str(f.at("format")) + "\n" + str(f.at("key_id")) + "\n" + str(f.at("public_key")) + "\n" +
                           str(kdf.at("algorithm")) + "\n" + json::serialize(kdf.at("opslimit")) + "\n" +
                           json::serialize(kdf.at("memlimit")) + "\n" + str(kdf.at("salt")) + "\n" +
                           str(f.at("nonce")) + "\n" + str(f.at("ciphertext")) + "\n";
  Bytes hash(16);
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     nullptr, 0);
  return hex(hash);
}

Bytes argon2id(const std::string& passphrase, const Bytes& salt, KdfLimits limits) {
  Bytes key(32);
  REQUIRE(crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), limits.opslimit,
                        limits.memlimit, crypto_pwhash_ALG_ARGON2ID13) == 0);
  return key;
}

// A key file built from fixed inputs with plain libsodium calls, following the format page only.
json::object file_as_documented(const Bytes& secret_key, const std::string& passphrase, const Bytes& salt,
                                const Bytes& nonce, KdfLimits limits) {
  Bytes pk(32), ciphertext(48);
  crypto_scalarmult_base(pk.data(), secret_key.data());
  std::array<std::uint8_t, 32> pk_array;
  std::copy(pk.begin(), pk.end(), pk_array.begin());
  const Bytes key = argon2id(passphrase, salt, limits);
  crypto_secretbox_easy(ciphertext.data(), secret_key.data(), secret_key.size(), nonce.data(), key.data());
  json::object f{{"format", "madoguchi-ward-secret-key/1"},
                 {"key_id", key_id_of(pk_array)},
                 {"public_key", b64(pk)},
                 {"label", "Test key: not secret"},
                 {"created", "2026-04-01"},
                 {"kdf", json::object{{"algorithm", "argon2id13"},
                                      {"opslimit", limits.opslimit},
                                      {"memlimit", limits.memlimit},
                                      {"salt", b64(salt)}}},
                 {"nonce", b64(nonce)},
                 {"ciphertext", b64(ciphertext)}};
  f["checksum"] = checksum_as_documented(f);
  return f;
}

json::value load_vectors() {
  std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/crypto/test-vectors/ward-key-file-v1.json");
  REQUIRE(in);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

WardKeyPair new_pair() { return generate_ward_key_pair(); }

std::string written(const WardKeyPair& pair, const std::string& passphrase = kPassphrase) {
  return write_ward_key_file(pair, passphrase, "Example ward 2026", "2026-04-01", kSmall);
}

WardKeyFileError error_of(const std::variant<WardKeyPair, WardKeyFileError>& result) {
  REQUIRE(std::holds_alternative<WardKeyFileError>(result));
  return std::get<WardKeyFileError>(result);
}

// The file with one field replaced, then re-serialized.
std::string with(const std::string& file_text, const std::function<void(json::object&)>& change) {
  json::object f = json::parse(file_text).as_object();
  change(f);
  return json::serialize(f);
}

// A base64 field with its first byte changed (still valid base64 of the same length).
std::string flipped(const json::value& field) {
  Bytes b = unb64(field.as_string());
  b[0] ^= 0x01;
  return b64(b);
}

}  // namespace

TEST_CASE("the checked-in key file opens to its known secret key, built as the format page says", "[ward-key-file]") {
  REQUIRE(ensure_sodium());
  const json::object v = load_vectors().as_object();
  const json::object& file = v.at("file").as_object();
  const json::object& kdf = file.at("kdf").as_object();
  const std::string passphrase = str(v.at("passphrase"));
  const Bytes secret_key = unhex(str(v.at("secret_key")));
  const KdfLimits limits{kdf.at("opslimit").to_number<std::uint64_t>(), kdf.at("memlimit").to_number<std::uint64_t>()};

  CHECK(hex(argon2id(passphrase, unb64(kdf.at("salt").as_string()), limits)) == str(v.at("argon2id_key")));
  CHECK(json::value(file_as_documented(secret_key, passphrase, unb64(kdf.at("salt").as_string()),
                                       unb64(file.at("nonce").as_string()), limits)) == json::value(file));

  auto opened = read_ward_key_file(json::serialize(file), passphrase);
  REQUIRE(std::holds_alternative<WardKeyPair>(opened));
  const WardKeyPair& pair = std::get<WardKeyPair>(opened);
  CHECK(hex(Bytes(pair.secret_key.data(), pair.secret_key.data() + 32)) == str(v.at("secret_key")));
  CHECK(pair.public_key.key_id == str(file.at("key_id")));
  CHECK(public_key_base64(pair.public_key) == str(file.at("public_key")));
}

TEST_CASE("a written key file names its key in the clear and opens again to the same key pair", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const std::string text = written(pair);
  const json::object f = json::parse(text).as_object();
  CHECK(str(f.at("format")) == "madoguchi-ward-secret-key/1");
  CHECK(str(f.at("key_id")) == pair.public_key.key_id);
  CHECK(str(f.at("public_key")) == public_key_base64(pair.public_key));
  CHECK(str(f.at("label")) == "Example ward 2026");
  CHECK(str(f.at("checksum")) == checksum_as_documented(f));
  CHECK(text.find(pair.public_key.key_id) < text.find("ciphertext"));  // readable at the top

  auto info = inspect_ward_key_file(text);
  REQUIRE(std::holds_alternative<WardKeyFileInfo>(info));
  CHECK(std::get<WardKeyFileInfo>(info).public_key.key_id == pair.public_key.key_id);
  CHECK(std::get<WardKeyFileInfo>(info).created == "2026-04-01");
  CHECK(std::get<WardKeyFileInfo>(info).limits.memlimit == kSmall.memlimit);

  auto opened = read_ward_key_file(text, kPassphrase);
  REQUIRE(std::holds_alternative<WardKeyPair>(opened));
  CHECK(std::get<WardKeyPair>(opened).secret_key == pair.secret_key);
  CHECK(std::get<WardKeyPair>(opened).public_key.bytes == pair.public_key.bytes);

  // A fresh salt and nonce every time: two files of one key under one passphrase share nothing secret.
  const json::object again = json::parse(written(pair)).as_object();
  CHECK(again.at("kdf").at("salt") != f.at("kdf").at("salt"));
  CHECK(again.at("nonce") != f.at("nonce"));
}

TEST_CASE("by default a key file costs Argon2id MODERATE, which opens it again", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const std::string text = write_ward_key_file(pair, kPassphrase, "", "2026-04-01");
  const json::value file = json::parse(text);
  const json::object& kdf = file.at("kdf").as_object();
  CHECK(kdf.at("opslimit").to_number<std::uint64_t>() == crypto_pwhash_OPSLIMIT_MODERATE);
  CHECK(kdf.at("memlimit").to_number<std::uint64_t>() == crypto_pwhash_MEMLIMIT_MODERATE);
  auto opened = read_ward_key_file(text, kPassphrase);
  REQUIRE(std::holds_alternative<WardKeyPair>(opened));
  CHECK(std::get<WardKeyPair>(opened).secret_key == pair.secret_key);
}

TEST_CASE("a wrong passphrase is told as such, not as a damaged file", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const std::string text = written(pair);
  for (const std::string wrong : {"Correct horse battery staple 窓口", "correct horse battery staple", ""}) {
    const auto e = error_of(read_ward_key_file(text, wrong));
    CHECK(e.code == Code::WrongPassphrase);
    CHECK_THAT(e.detail, Catch::Contains("passphrase is wrong") && Catch::Contains(pair.public_key.key_id));
    CHECK(e.detail.find("horse") == std::string::npos);
  }
}

TEST_CASE("every changed field of a key file is caught before the passphrase is blamed", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const std::string text = written(pair);
  const WardKeyPair other = new_pair();

  const std::vector<std::pair<std::string, std::function<void(json::object&)>>> changes = {
      {"salt", [](json::object& f) { f["kdf"].as_object()["salt"] = flipped(f["kdf"].at("salt")); }},
      {"nonce", [](json::object& f) { f["nonce"] = flipped(f.at("nonce")); }},
      {"ciphertext", [](json::object& f) { f["ciphertext"] = flipped(f.at("ciphertext")); }},
      {"opslimit", [](json::object& f) { f["kdf"].as_object()["opslimit"] = 3; }},
      {"memlimit", [](json::object& f) { f["kdf"].as_object()["memlimit"] = 128 * 1024; }},
      {"checksum", [](json::object& f) { f["checksum"] = "00000000000000000000000000000000"; }},
      {"key_id", [](json::object& f) { f["key_id"] = "0123456789abcdef"; }},
      {"public_key", [&](json::object& f) { f["public_key"] = public_key_base64(other.public_key); }},
      {"key_id and public_key together", [&](json::object& f) {
         f["public_key"] = public_key_base64(other.public_key);
         f["key_id"] = other.public_key.key_id;
       }},
  };
  for (const auto& [name, change] : changes) {
    INFO(name);
    const auto e = error_of(read_ward_key_file(with(text, change), kPassphrase));
    CHECK(e.code == Code::Damaged);
    CHECK_THAT(e.detail, Catch::Contains("damaged") && Catch::Contains("backup"));
  }
  const auto e = error_of(read_ward_key_file(with(text, changes[6].second), kPassphrase));
  CHECK_THAT(e.detail, Catch::Contains("key_id 0123456789abcdef does not name its public key"));
}

TEST_CASE("a secret key that is not the public key's is refused even when the checksum is redone", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const WardKeyPair other = new_pair();
  const std::string text = with(written(pair), [&](json::object& f) {
    f["public_key"] = public_key_base64(other.public_key);
    f["key_id"] = other.public_key.key_id;
    f["checksum"] = checksum_as_documented(f);
  });
  const auto e = error_of(read_ward_key_file(text, kPassphrase));
  CHECK(e.code == Code::Damaged);
  CHECK_THAT(e.detail, Catch::Contains("does not belong to public key " + other.public_key.key_id));
}

TEST_CASE("the label and date are for people and may be edited", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const std::string text = with(written(pair), [](json::object& f) {
    f["label"] = "区役所 2026年度";
    f["created"] = "2026-04-02";
  });
  CHECK(std::holds_alternative<WardKeyPair>(read_ward_key_file(text, kPassphrase)));
}

TEST_CASE("what is not a key file says what is wrong", "[ward-key-file]") {
  const std::string text = written(new_pair());
  const std::vector<std::tuple<std::string, std::string, Code, std::string>> cases = {
      {"not JSON", text.substr(0, text.size() / 2), Code::Malformed, "not JSON"},
      {"a later format", with(text, [](json::object& f) { f["format"] = "madoguchi-ward-secret-key/2"; }),
       Code::UnsupportedFormat, "madoguchi-ward-secret-key/2"},
      {"a missing field", with(text, [](json::object& f) { f.erase("nonce"); }), Code::Malformed, "exactly the fields"},
      {"an extra field", with(text, [](json::object& f) { f["secret_key"] = "x"; }), Code::Malformed, "exactly the fields"},
      {"short salt", with(text, [](json::object& f) { f["kdf"].as_object()["salt"] = "AAAA"; }), Code::Malformed,
       "16 bytes"},
      {"another algorithm", with(text, [](json::object& f) { f["kdf"].as_object()["algorithm"] = "scrypt"; }),
       Code::Malformed, "argon2id13"},
      {"a huge memlimit", with(text, [](json::object& f) { f["kdf"].as_object()["memlimit"] = 1ull << 40; }),
       Code::Malformed, "4 GiB"},
      {"a negative opslimit", with(text, [](json::object& f) { f["kdf"].as_object()["opslimit"] = -1; }),
       Code::Malformed, "whole numbers"},
      {"an upper-case key id", with(text, [](json::object& f) { f["key_id"] = "0123456789ABCDEF"; }), Code::Malformed,
       "lowercase"},
  };
  for (const auto& [name, bad, code, says] : cases) {
    INFO(name);
    const auto e = error_of(read_ward_key_file(bad, kPassphrase));
    CHECK(e.code == code);
    CHECK_THAT(e.detail, Catch::Contains(says));
  }
}

TEST_CASE("no detail ever contains the passphrase or key bytes", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  const std::string text = written(pair);
  const std::string secret_b64 = b64(Bytes(pair.secret_key.data(), pair.secret_key.data() + 32));
  const std::string secret_hex = hex(Bytes(pair.secret_key.data(), pair.secret_key.data() + 32));
  for (const std::string& bad :
       {text, with(text, [](json::object& f) { f["nonce"] = flipped(f.at("nonce")); }), text.substr(0, 40)}) {
    auto result = read_ward_key_file(bad, bad == text ? "wrong passphrase here" : kPassphrase);
    const auto e = error_of(result);
    for (const std::string& secret : {kPassphrase, std::string("wrong passphrase here"), secret_b64, secret_hex})
      CHECK(e.detail.find(secret) == std::string::npos);
  }
  CHECK(text.find(secret_b64) == std::string::npos);
}

TEST_CASE("public keys read back from base64 with their key id", "[ward-key-file]") {
  const WardKeyPair pair = new_pair();
  auto back = public_key_from_base64(public_key_base64(pair.public_key));
  REQUIRE(back);
  CHECK(back->bytes == pair.public_key.bytes);
  CHECK(back->key_id == pair.public_key.key_id);
  CHECK_FALSE(public_key_from_base64(""));
  CHECK_FALSE(public_key_from_base64(public_key_base64(pair.public_key).substr(4)));
  CHECK_FALSE(public_key_from_base64(public_key_base64(pair.public_key) + "AAAA"));
  CHECK_FALSE(public_key_from_base64(b64(counting(31, 1))));
}

// Prints crypto/test-vectors/ward-key-file-v1.json (all inputs fixed, so it prints the same file every time).
TEST_CASE("generate the ward key file vector", "[.generate]") {
  REQUIRE(ensure_sodium());
  const Bytes secret_key = counting(32, 0x40), salt = counting(16, 0xa0), nonce = counting(24, 0xc0);
  const KdfLimits limits{2, 64 * 1024};
  json::object v{{"about", "Ward secret key file v1 known answer (crypto/ward_key_file.md). Small Argon2id "
                           "limits for speed; a test key: not secret."},
                 {"passphrase", kPassphrase},
                 {"secret_key", hex(secret_key)},
                 {"argon2id_key", hex(argon2id(kPassphrase, salt, limits))},
                 {"file", file_as_documented(secret_key, kPassphrase, salt, nonce, limits)}};
  std::cout << json::serialize(v) << "\n";
}
