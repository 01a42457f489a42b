// A note from the ward to one resident (a 補正依頼, a status remark), sealed to the X25519 reply key the
// device made for that submission, so the endpoint that stores it cannot read it (crypto_box_seal).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "crypto/secret_bytes.hpp"

namespace madoguchi::crypto {

inline constexpr std::size_t kReplyMaxPlaintextBytes = 16 * 1024;

// Throws std::length_error past kReplyMaxPlaintextBytes, std::runtime_error if libsodium cannot start.
std::vector<std::uint8_t> seal_reply(std::span<const std::uint8_t> plaintext, const std::array<std::uint8_t, 32>& reply_key);

// nullopt when the box was not sealed to this key pair or was changed on the way.
std::optional<std::vector<std::uint8_t>> open_reply(std::span<const std::uint8_t> sealed,
                                                    const std::array<std::uint8_t, 32>& reply_public_key,
                                                    const SecretBytes& reply_secret_key);

}  // namespace madoguchi::crypto
