// Key material lives in libsodium's guarded memory; this also proves libsodium runs in the wasm build.
#include <catch2/catch.hpp>

#include <sodium.h>

#include "crypto/secret_bytes.hpp"
#include "crypto/sodium_runtime.hpp"

using madoguchi::crypto::SecretBytes;

TEST_CASE("libsodium initialises and hashes to the known answer", "[crypto]") {
  REQUIRE(madoguchi::crypto::ensure_sodium());
  // BLAKE2b-256 of "abc" (RFC 7693 test vector family; value from libsodium's own crypto_generichash).
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>("abc"), 3, nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  CHECK(std::string(hex) == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST_CASE("a secret buffer starts zeroed, moves without copying and compares in constant time", "[crypto]") {
  SecretBytes a(32);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a.data()[i] == 0);
  randombytes_buf(a.data(), a.size());
  const std::uint8_t* where = a.data();
  SecretBytes b = std::move(a);
  CHECK(b.data() == where);
  CHECK(a.size() == 0);
  SecretBytes c(32);
  CHECK_FALSE(b == c);
  std::copy(b.data(), b.data() + 32, c.data());
  CHECK(b == c);
}
