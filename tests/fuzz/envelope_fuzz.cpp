// libFuzzer target: whatever bytes reach the endpoint or the inbox as an envelope. The clear header,
// the key-free framing check and a full open with the test-vector key must never crash, and must agree.
#include <sodium.h>

#include <cstdint>
#include <cstdlib>

#include "crypto/envelope.hpp"

using namespace madoguchi::crypto;

namespace {

// crypto/test-vectors/envelope-v1.json's ward key, so the seed envelopes open and mutations reach the
// stream and the content parser's error paths.
constexpr char kSecretHex[] = "77788f1a0cea001a2631dae5d05dbd062008d5b30f50b9e29beb2a7822289004";
constexpr char kPublicHex[] = "4a3807d064d077181cc070989e76891d20dca5559548dc2c77c1a50273882b38";

WardKeyPair& vector_key() {
  static WardKeyPair* key = [] {
    auto* k = new WardKeyPair;
    if (sodium_init() < 0 ||
        sodium_hex2bin(k->secret_key.data(), 32, kSecretHex, 64, nullptr, nullptr, nullptr) != 0 ||
        sodium_hex2bin(k->public_key.bytes.data(), 32, kPublicHex, 64, nullptr, nullptr, nullptr) != 0)
      std::abort();
    k->public_key.key_id = key_id_of(k->public_key.bytes);
    return k;
  }();
  return *key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> envelope(data, size);
  const auto header = read_envelope_header(envelope);
  const auto framing = check_envelope_framing(envelope);
  const auto opened = open_envelope(envelope, vector_key());
  // The framing check reads the header first: it can only fail where the header did, or later.
  if (std::holds_alternative<EnvelopeError>(header) && !std::holds_alternative<EnvelopeError>(framing)) std::abort();
  // What opens must have passed every key-free check, with the same header.
  if (const auto* o = std::get_if<OpenedEnvelope>(&opened)) {
    const auto* f = std::get_if<EnvelopeHeader>(&framing);
    if (!f || f->submission_id != o->header.submission_id || f->created != o->header.created) std::abort();
  }
  return 0;
}
