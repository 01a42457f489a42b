// What the device keeps at rest (drafts, the outbox, sent applications) is sealed with XChaCha20-Poly1305
// under the device key, with the record's id as associated data, so a blob copied onto another record
// fails to open instead of showing one resident's answers in another's draft. Layout: crypto/device_record.md.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/secret_bytes.hpp"

namespace madoguchi::crypto {

inline constexpr std::size_t kDeviceKeyBytes = 32;
inline constexpr std::size_t kDeviceRecordNonceBytes = 24;
inline constexpr std::uint8_t kDeviceRecordVersion = 1;

// A fresh random device key. Throws std::runtime_error if libsodium cannot start.
SecretBytes new_device_key();

// Throws std::invalid_argument for a key that is not kDeviceKeyBytes long.
std::vector<std::uint8_t> seal_device_record(const SecretBytes& key, std::string_view record_id,
                                             std::string_view plaintext);
// The same with a given nonce: only for the known-answer test; a nonce must never be reused with a key.
std::vector<std::uint8_t> seal_device_record(const SecretBytes& key, std::string_view record_id,
                                             std::string_view plaintext,
                                             const std::array<std::uint8_t, kDeviceRecordNonceBytes>& nonce);

// nullopt when the blob was sealed under another key or for another record, or was changed.
std::optional<std::string> open_device_record(const SecretBytes& key, std::string_view record_id,
                                              std::span<const std::uint8_t> blob);

}  // namespace madoguchi::crypto
