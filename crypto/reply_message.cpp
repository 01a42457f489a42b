// crypto_box_seal both ways; the ward's side needs only the resident's public reply key.
#include "crypto/reply_message.hpp"

#include <sodium.h>

#include <stdexcept>

#include "crypto/sodium_runtime.hpp"

namespace madoguchi::crypto {

std::vector<std::uint8_t> seal_reply(std::span<const std::uint8_t> plaintext, const std::array<std::uint8_t, 32>& reply_key) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  if (plaintext.size() > kReplyMaxPlaintextBytes) throw std::length_error("reply: a note may be at most 16 KiB");
  std::vector<std::uint8_t> sealed(plaintext.size() + crypto_box_SEALBYTES);
  if (crypto_box_seal(sealed.data(), plaintext.data(), plaintext.size(), reply_key.data()) != 0)
    throw std::runtime_error("reply: sealing failed");
  return sealed;
}

std::optional<std::vector<std::uint8_t>> open_reply(std::span<const std::uint8_t> sealed,
                                                    const std::array<std::uint8_t, 32>& reply_public_key,
                                                    const SecretBytes& reply_secret_key) {
  if (!ensure_sodium() || reply_secret_key.size() != crypto_box_SECRETKEYBYTES || sealed.size() < crypto_box_SEALBYTES ||
      sealed.size() > kReplyMaxPlaintextBytes + crypto_box_SEALBYTES)
    return std::nullopt;
  std::vector<std::uint8_t> plain(sealed.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), reply_public_key.data(), reply_secret_key.data()) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace madoguchi::crypto
