// A ward's X25519 key pair for sealed submissions, and the short key id that names a public key in
// envelope headers (so the endpoint can route and staff can pick the right secret key offline).
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "crypto/secret_bytes.hpp"

namespace madoguchi::crypto {

struct WardPublicKey {
  std::array<std::uint8_t, 32> bytes{};
  std::string key_id;  // key_id_of(bytes)
};

struct WardKeyPair {
  WardPublicKey public_key;
  SecretBytes secret_key{32};  // X25519 secret key, in guarded memory
};

// A fresh key pair from crypto_box_keypair; throws std::runtime_error if libsodium cannot start.
WardKeyPair generate_ward_key_pair();

// Lowercase hex of the first 8 bytes of BLAKE2b-256(public key): 16 characters.
std::string key_id_of(const std::array<std::uint8_t, 32>& public_key);

}  // namespace madoguchi::crypto
