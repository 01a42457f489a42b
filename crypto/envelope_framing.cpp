// The envelope's framing checked without a key: the clear header, the sealed key and stream header,
// then every chunk length in turn, so the endpoint can refuse a cut or padded upload before storing it.
#include "envelope.hpp"

#include <sodium.h>

namespace madoguchi::crypto {
namespace {

constexpr std::size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kClearAfterHeader = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES +
                                          crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kFullChunk = kEnvelopeChunkBytes + kAbytes;
static_assert(kAbytes == 17 && kClearAfterHeader == 104);

EnvelopeError error(EnvelopeError::Code code, std::string detail) { return EnvelopeError{code, std::move(detail)}; }

std::string at(std::size_t offset) { return " at byte " + std::to_string(offset); }

bool is_bucket(std::size_t plaintext) { return envelope_size_bucket(plaintext) == plaintext; }

}  // namespace

std::variant<EnvelopeHeader, EnvelopeError> check_envelope_framing(std::span<const std::uint8_t> envelope) {
  using C = EnvelopeError::Code;
  auto header = read_envelope_header(envelope);
  if (std::holds_alternative<EnvelopeError>(header)) return header;
  const std::size_t size = envelope.size();
  const std::size_t prefix = 6 + ((std::size_t{envelope[4]} << 8) | envelope[5]) + kClearAfterHeader;
  if (size < prefix)
    return error(C::Truncated, "envelope ends" + at(size) + " before the end of the stream header" + at(prefix));

  std::size_t pos = prefix, plaintext = 0;
  for (std::size_t index = 0;; ++index) {
    const std::string where = "chunk " + std::to_string(index) + at(pos);
    if (pos == size) {
      // Only full chunks so far (a short one ends the loop), and their plaintext is not a bucket.
      return error(C::Truncated, "stream ends" + at(size) + " before " + where + " (no final chunk)");
    }
    if (size - pos < 4) return error(C::Truncated, "stream ends" + at(size) + " inside the length of " + where);
    std::size_t len = 0;
    for (std::size_t i = 0; i < 4; ++i) len = (len << 8) | envelope[pos + i];
    if (len <= kAbytes) return error(C::Malformed, where + " holds no bytes beyond its authentication tag");
    if (len > kFullChunk) return error(C::TooLarge, where + " declares more than 64 KiB");
    if (len > size - pos - 4) return error(C::Truncated, where + " runs past the end of the envelope");
    pos += 4 + len;
    plaintext += len - kAbytes;
    if (len < kFullChunk) {
      // Every chunk but the final one is full, so a short chunk must be the end.
      if (pos != size)
        return error(C::TrailingData, std::to_string(size - pos) + " bytes follow the short (so final) " + where);
      break;
    }
    // A full chunk is the final one only when it completes a bucket-sized plaintext.
    if (pos == size && is_bucket(plaintext)) break;
  }
  if (!is_bucket(plaintext))
    return error(C::Malformed, "the chunks hold " + std::to_string(plaintext) + " bytes of plaintext, not a size bucket");
  return header;
}

}  // namespace madoguchi::crypto
