// check_envelope_framing: what the endpoint can tell about an upload without the ward key. Whole
// envelopes pass; cuts, appended bytes and impossible chunk lengths are refused with the same code
// open_envelope gives, except the one cut only the key can see.
#include <catch2/catch.hpp>

#include <optional>
#include <set>

#include "crypto/envelope.hpp"

using namespace madoguchi::crypto;
using Bytes = std::vector<std::uint8_t>;
using Code = EnvelopeError::Code;

namespace {

// Deterministic attachment bytes: volume, not randomness (each random byte is a JS call in wasm).
Bytes pattern(std::size_t size) {
  Bytes b(size);
  for (std::size_t i = 0; i < size; ++i) b[i] = static_cast<std::uint8_t>(i * 7 + (i >> 9));
  return b;
}

Bytes sealed(const WardKeyPair& key, std::size_t attachment_bytes) {
  Submission s{"juminhyo-copy", R"({"copies":1})", {}, {}};
  if (attachment_bytes > 0) s.attachments.push_back({"scan.pdf", "application/pdf", pattern(attachment_bytes)});
  return seal_envelope(s, key.public_key, "01JDQ7Z8K3M4N5P6Q7R8S9T0VW", "2026-11-23T09:30:00Z");
}

std::size_t prefix_size(const Bytes& e) { return 6 + ((std::size_t{e[4]} << 8) | e[5]) + 80 + 24; }

std::size_t length_at(const Bytes& e, std::size_t pos) {
  return (std::size_t{e[pos]} << 24) | (std::size_t{e[pos + 1]} << 16) | (std::size_t{e[pos + 2]} << 8) | e[pos + 3];
}

std::vector<std::size_t> chunk_offsets(const Bytes& e) {
  std::vector<std::size_t> out;
  for (std::size_t pos = prefix_size(e); pos < e.size(); pos += 4 + length_at(e, pos)) out.push_back(pos);
  return out;
}

void set_length(Bytes& e, std::size_t pos, std::size_t len) {
  for (std::size_t i = 0; i < 4; ++i) e[pos + i] = static_cast<std::uint8_t>(len >> (24 - 8 * i));
}

std::optional<Code> framing_code(std::span<const std::uint8_t> e) {
  const auto r = check_envelope_framing(e);
  if (const auto* error = std::get_if<EnvelopeError>(&r)) return error->code;
  return std::nullopt;
}

Code open_code(std::span<const std::uint8_t> e, const WardKeyPair& key) {
  const auto r = open_envelope(e, key);
  REQUIRE(std::holds_alternative<EnvelopeError>(r));
  return std::get<EnvelopeError>(r).code;
}

}  // namespace

TEST_CASE("whole envelopes of one and of several chunks pass the framing check", "[envelope]") {
  const auto key = generate_ward_key_pair();
  for (std::size_t attachment : {0u, 70000u, 200000u}) {
    INFO("attachment bytes: " << attachment);
    const Bytes e = sealed(key, attachment);
    const auto r = check_envelope_framing(e);
    REQUIRE(std::holds_alternative<EnvelopeHeader>(r));
    CHECK(std::get<EnvelopeHeader>(r).submission_id == "01JDQ7Z8K3M4N5P6Q7R8S9T0VW");
    CHECK(std::get<EnvelopeHeader>(r).key_id == key.public_key.key_id);
  }
}

TEST_CASE("a cut envelope is Truncated, as open_envelope says, unless the cut leaves a bucket", "[envelope]") {
  const auto key = generate_ward_key_pair();
  const Bytes e = sealed(key, 200000);  // a 220416-byte bucket: three full chunks and a short one
  const auto chunks = chunk_offsets(e);
  REQUIRE(chunks.size() == 4);
  std::set<std::size_t> cuts;
  for (std::size_t i = 0; i < prefix_size(e) + 8; ++i) cuts.insert(i);
  for (std::size_t i = prefix_size(e); i < e.size(); i += 997) cuts.insert(i);
  for (auto c : chunks) cuts.insert(c);
  cuts.insert(e.size() - 1);
  for (std::size_t cut : cuts) {
    INFO("cut at " << cut);
    const std::span<const std::uint8_t> part(e.data(), cut);
    const auto code = framing_code(part);
    if (cut == chunks[1] || cut == chunks[2]) {
      // One or two full chunks hold 64 or 128 KiB, both buckets: without the key (no FINAL tag to see)
      // that is a whole stream. Opening finds the cut.
      CHECK_FALSE(code);
      CHECK(open_code(part, key) == Code::Truncated);
    } else {
      REQUIRE(code);
      CHECK(*code == Code::Truncated);
      CHECK(open_code(part, key) == Code::Truncated);
    }
  }
  CHECK(framing_code(std::span(e.data(), chunks[3])) == Code::Truncated);  // three chunks: 192 KiB, no bucket
}

TEST_CASE("bytes after the final chunk are TrailingData, as open_envelope says", "[envelope]") {
  const auto key = generate_ward_key_pair();
  const Bytes e = sealed(key, 70000);
  for (std::size_t extra : {1u, 4u, 100u}) {
    Bytes longer = e;
    longer.resize(e.size() + extra, 0x5a);
    CHECK(framing_code(longer) == Code::TrailingData);
    CHECK(open_code(longer, key) == Code::TrailingData);
  }
}

TEST_CASE("impossible chunk lengths are refused before any decryption", "[envelope]") {
  const auto key = generate_ward_key_pair();
  const Bytes e = sealed(key, 0);
  const std::size_t first = prefix_size(e);

  Bytes huge = e;
  set_length(huge, first, 64 * 1024 + 18);
  CHECK(framing_code(huge) == Code::TooLarge);
  CHECK(open_code(huge, key) == Code::TooLarge);

  Bytes tag_only = e;
  set_length(tag_only, first, 17);
  CHECK(framing_code(tag_only) == Code::Malformed);

  // A short chunk that is not the last: the bytes after it cannot belong to the stream.
  Bytes short_then_more = e;
  set_length(short_then_more, first, length_at(e, first) - 100);
  CHECK(framing_code(short_then_more) == Code::TrailingData);

  // The stream's plaintext must fill a size bucket exactly.
  Bytes off_bucket(e.begin(), e.begin() + static_cast<std::ptrdiff_t>(first));
  off_bucket.resize(first + 4 + 17 + 1000, 0);
  set_length(off_bucket, first, 17 + 1000);
  CHECK(framing_code(off_bucket) == Code::Malformed);

  // The header is checked first, with its own codes.
  Bytes bad_magic = e;
  bad_magic[0] = 'X';
  CHECK(framing_code(bad_magic) == Code::Malformed);
}
