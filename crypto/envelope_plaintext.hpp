// The decrypted stream of an envelope, unpadded and parsed. Separate from envelope.hpp because only
// open_envelope and the fuzzer call it: anyone holding the ward's public key can seal any plaintext,
// so this parser faces attackers even though the bytes it reads are authenticated.
#pragma once
#include <cstdint>
#include <optional>
#include <span>

#include "crypto/envelope.hpp"

namespace madoguchi::crypto {

// `plain` is the whole stream plaintext, padding included (a size bucket long); fills `out`.
std::optional<EnvelopeError> read_envelope_plaintext(std::span<std::uint8_t> plain, Submission& out);

}  // namespace madoguchi::crypto
