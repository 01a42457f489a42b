// Envelope v1: a resident's application sealed on the device to the ward's public key (format in
// crypto/envelope.md). The endpoint reads only the clear header; ward staff open the rest offline.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crypto/ward_keys.hpp"

namespace madoguchi::crypto {

inline constexpr std::size_t kEnvelopeMaxHeaderBytes = 1024;
inline constexpr std::size_t kEnvelopeMaxBytes = 32u * 1024 * 1024;
inline constexpr std::size_t kEnvelopeChunkBytes = 64u * 1024;  // plaintext per chunk (the last may be shorter)

struct EnvelopeHeader {
  int version = 1;
  std::string created;        // YYYY-MM-DDTHH:MM:SSZ
  std::string key_id;         // 16 lowercase hex
  std::string submission_id;  // 26 Crockford base32 characters
};

struct Attachment {
  std::string name, type;
  std::vector<std::uint8_t> bytes;
};

struct Submission {
  std::string procedure;
  std::string application_json;  // a JSON object; opened envelopes give it in canonical form
  std::vector<Attachment> attachments;
  std::array<std::uint8_t, 32> reply_key{};  // X25519 public key made on the device for replies
};

struct OpenedEnvelope {
  EnvelopeHeader header;
  Submission submission;
};

struct EnvelopeError {
  enum Code { Malformed, UnsupportedVersion, WrongKey, Tampered, Truncated, TrailingData, TooLarge } code;
  std::string detail;  // what and where (byte offset); never plaintext or key bytes
};

// Seals a submission. Throws std::invalid_argument for a bad id, time or application JSON (not an
// object) and std::length_error when the envelope would pass kEnvelopeMaxBytes.
std::vector<std::uint8_t> seal_envelope(const Submission& submission, const WardPublicKey& ward_key,
                                        std::string_view submission_id, std::string_view created_utc);

// The clear header, checked strictly (magic, bounds, canonical JSON, field formats); needs no key.
std::variant<EnvelopeHeader, EnvelopeError> read_envelope_header(std::span<const std::uint8_t> envelope);

// The header and the framing after it, still without a key (envelope_framing.cpp): sealed key and stream
// header present, every chunk length within bounds, all chunks but the last full, nothing after a short
// chunk, and a plaintext length that is a size bucket. Gives Truncated, TrailingData, TooLarge or Malformed
// with the byte offset; what only the key can tell (Tampered, a cut leaving a bucket-sized stream) it cannot.
std::variant<EnvelopeHeader, EnvelopeError> check_envelope_framing(std::span<const std::uint8_t> envelope);

std::variant<OpenedEnvelope, EnvelopeError> open_envelope(std::span<const std::uint8_t> envelope,
                                                          const WardKeyPair& ward_key);

// 16 random bytes as 26 Crockford base32 characters (the first is 0-7), like a ULID without a clock.
std::string new_submission_id();

// The padded plaintext size for `plaintext_bytes` of content: the smallest bucket
// ceil256(4096 * 2^(k/4)) that is >= plaintext_bytes.
std::size_t envelope_size_bucket(std::size_t plaintext_bytes);

// The exact header JSON for these fields, or "" when a field breaks its format.
std::string canonical_envelope_header(const EnvelopeHeader& header);

}  // namespace madoguchi::crypto
