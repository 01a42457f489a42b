// libFuzzer target: the plaintext inside an envelope. Anyone with the ward's public key can seal any
// bytes, so the content parser the inbox runs after decryption faces attackers too.
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "crypto/envelope_plaintext.hpp"

using namespace madoguchi::crypto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size >= kEnvelopeMaxBytes) return 0;
  // Pad as a sealer would, so the input reaches the JSON and attachment checks, not just the padding check.
  const std::size_t bucket = envelope_size_bucket(size + 1);
  std::vector<std::uint8_t> plain(data, data + size);
  plain.resize(bucket);
  std::size_t padded = 0;
  if (sodium_pad(&padded, plain.data(), size, bucket, bucket) != 0 || padded != bucket) std::abort();
  Submission out;
  if (!read_envelope_plaintext(plain, out)) {
    std::size_t attached = 0;
    for (const auto& a : out.attachments) attached += a.bytes.size();
    if (attached > size) std::abort();  // attachments are cut from the input, never invented
  }
  return 0;
}
