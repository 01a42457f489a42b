// Ward key pairs come straight from crypto_box_keypair; the key id is a truncated BLAKE2b hash so it
// names a key without being the key (64 bits is plenty to tell a ward's few keys apart).
#include "ward_keys.hpp"

#include <sodium.h>

#include <stdexcept>

#include "byte_text.hpp"
#include "sodium_runtime.hpp"

namespace madoguchi::crypto {

WardKeyPair generate_ward_key_pair() {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  WardKeyPair pair;
  crypto_box_keypair(pair.public_key.bytes.data(), pair.secret_key.data());
  pair.public_key.key_id = key_id_of(pair.public_key.bytes);
  return pair;
}

std::string key_id_of(const std::array<std::uint8_t, 32>& public_key) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, public_key.data(), public_key.size(), nullptr, 0);
  return to_hex(std::span(hash, 8));
}

}  // namespace madoguchi::crypto
