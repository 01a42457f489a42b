// Sealing and opening Envelope v1: crypto_box_seal wraps a random content key, secretstream
// (XChaCha20-Poly1305) carries the padded content in 64 KiB chunks, chunk 0 authenticates the clear bytes.
#include "envelope.hpp"
#include "envelope_plaintext.hpp"
#include "byte_text.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <stdexcept>

#include "sodium_runtime.hpp"

namespace madoguchi::crypto {
namespace {

namespace json = boost::json;
using State = crypto_secretstream_xchacha20poly1305_state;
constexpr std::size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kSealedKeyBytes = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr std::size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
static_assert(kSealedKeyBytes == 80 && kStreamHeaderBytes == 24 && kAbytes == 17);

// Wipes a buffer of resident data or key state when it goes out of scope, on every path out.
struct WipeOnExit {
  void* data;
  std::size_t size;
  ~WipeOnExit() { sodium_memzero(data, size); }
};

void put_u32(std::uint8_t* out, std::size_t v) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

// Canonical JSON: object keys in byte order at every depth, no whitespace; Boost.JSON writes the
// strings (only the escapes JSON requires, UTF-8 as is) and the numbers (the same digits every time).
void write_canonical(const json::value& v, std::string& out) {
  if (v.is_object()) {
    std::vector<const json::key_value_pair*> fields;
    for (const auto& kv : v.get_object()) fields.push_back(&kv);
    std::sort(fields.begin(), fields.end(), [](auto* a, auto* b) { return a->key() < b->key(); });
    out += '{';
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += json::serialize(json::string_view(fields[i]->key()));
      out += ':';
      write_canonical(fields[i]->value(), out);
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& item : v.get_array()) {
      if (!first) out += ',';
      first = false;
      write_canonical(item, out);
    }
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

std::size_t chunk_count(std::size_t padded) { return (padded + kEnvelopeChunkBytes - 1) / kEnvelopeChunkBytes; }

EnvelopeError error(EnvelopeError::Code code, std::string detail) { return EnvelopeError{code, std::move(detail)}; }

std::string at(std::size_t offset) { return " at byte " + std::to_string(offset); }

bool has_exactly(const json::object& o, std::initializer_list<std::string_view> keys) {
  if (o.size() != keys.size()) return false;
  for (auto k : keys)
    if (!o.contains(k)) return false;
  return true;
}

}  // namespace

std::vector<std::uint8_t> seal_envelope(const Submission& submission, const WardPublicKey& ward_key,
                                        std::string_view submission_id, std::string_view created_utc) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  const std::string header_json = canonical_envelope_header(
      EnvelopeHeader{1, std::string(created_utc), key_id_of(ward_key.bytes), std::string(submission_id)});
  if (header_json.empty()) throw std::invalid_argument("envelope: submission id or created time is malformed");

  // The content object; the error never quotes the application (it is the resident's data).
  json::value application;
  try {
    application = json::parse(submission.application_json);
  } catch (const std::exception&) {
    throw std::invalid_argument("envelope: application is not valid JSON");
  }
  if (!application.is_object()) throw std::invalid_argument("envelope: application is not a JSON object");
  json::array attachments;
  std::size_t attachment_bytes = 0;
  for (const auto& a : submission.attachments) {
    attachments.push_back(json::object{{"name", a.name},
                                       {"type", a.type},
                                       {"size", static_cast<std::uint64_t>(a.bytes.size())},
                                       {"sha256", sha256_hex(a.bytes)}});
    attachment_bytes += a.bytes.size();
    if (attachment_bytes > kEnvelopeMaxBytes) throw std::length_error("envelope: attachments exceed 32 MiB");
  }
  const json::value content = json::object{{"application", std::move(application)},
                                           {"attachments", std::move(attachments)},
                                           {"procedure", submission.procedure},
                                           {"reply_key", to_base64(submission.reply_key)}};
  std::string content_json;
  write_canonical(content, content_json);

  // The plaintext stream: content, attachments, then sodium_pad up to the bucket. Block size = the bucket
  // and content < bucket, so sodium_pad fills exactly to it (0x80 then zeros, at least one byte).
  const std::size_t real = content_json.size() + attachment_bytes;
  if (real >= kEnvelopeMaxBytes) throw std::length_error("envelope: content exceeds 32 MiB");
  const std::size_t padded = envelope_size_bucket(real + 1);
  const std::size_t chunks = chunk_count(padded);
  const std::size_t prefix = 6 + header_json.size() + kSealedKeyBytes + kStreamHeaderBytes;
  const std::size_t total = prefix + chunks * (4 + kAbytes) + padded;
  if (total > kEnvelopeMaxBytes) throw std::length_error("envelope: sealed size would exceed 32 MiB");

  std::vector<std::uint8_t> plain(padded);
  WipeOnExit wipe_plain{plain.data(), plain.size()};
  std::copy(content_json.begin(), content_json.end(), plain.begin());
  sodium_memzero(content_json.data(), content_json.size());
  std::size_t at_byte = content_json.size();
  for (const auto& a : submission.attachments) {
    std::copy(a.bytes.begin(), a.bytes.end(), plain.begin() + static_cast<std::ptrdiff_t>(at_byte));
    at_byte += a.bytes.size();
  }
  // sodium_pad over the padding alone, same bytes: its constant-time loop visits the whole block, and with
  // the whole plaintext as the block that pass cost a third of an 8 MiB seal (tools/bench/README.md).
  std::size_t padded_len = 0;
  if (sodium_pad(&padded_len, plain.data() + real, 0, padded - real, padded - real) != 0 || padded_len != padded - real)
    throw std::logic_error("envelope: padding failed");

  std::vector<std::uint8_t> out;
  out.reserve(total);
  out.resize(prefix);
  std::copy_n("MDG1", 4, out.begin());
  out[4] = static_cast<std::uint8_t>(header_json.size() >> 8);
  out[5] = static_cast<std::uint8_t>(header_json.size());
  std::copy(header_json.begin(), header_json.end(), out.begin() + 6);

  SecretBytes content_key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
  crypto_secretstream_xchacha20poly1305_keygen(content_key.data());  // 32 random bytes: the one key draw
  if (crypto_box_seal(out.data() + 6 + header_json.size(), content_key.data(), content_key.size(),
                      ward_key.bytes.data()) != 0)
    throw std::runtime_error("envelope: sealing the content key failed");
  State state;
  WipeOnExit wipe_state{&state, sizeof state};
  crypto_secretstream_xchacha20poly1305_init_push(&state, out.data() + prefix - kStreamHeaderBytes, content_key.data());

  for (std::size_t i = 0; i < chunks; ++i) {
    const std::size_t from = i * kEnvelopeChunkBytes, len = std::min(kEnvelopeChunkBytes, padded - from);
    const std::size_t pos = out.size();
    out.resize(pos + 4 + len + kAbytes);
    put_u32(out.data() + pos, len + kAbytes);
    const bool last = i + 1 == chunks;
    // Chunk 0's additional data is every clear byte before it, so none of them can be changed.
    crypto_secretstream_xchacha20poly1305_push(
        &state, out.data() + pos + 4, nullptr, plain.data() + from, len, i == 0 ? out.data() : nullptr,
        i == 0 ? prefix : 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  }
  return out;
}

std::optional<EnvelopeError> read_envelope_plaintext(std::span<std::uint8_t> plain, Submission& s) {
  using C = EnvelopeError::Code;
  if (envelope_size_bucket(plain.size()) != plain.size())
    return error(C::Malformed, "plaintext length " + std::to_string(plain.size()) + " is not a size bucket");
  // The plaintext is authenticated, so its padding needs no constant-time check; sodium_unpad's would
  // visit every byte of the bucket. Same rule: zeros back to a 0x80.
  std::size_t real = plain.size() - 1;
  while (real > 0 && plain[real] == 0) --real;
  if (plain[real] != 0x80)
    return error(C::Malformed, "padding at the end of the plaintext is invalid");

  json::parser parser;
  json::error_code ec;
  const std::size_t consumed = parser.write_some(reinterpret_cast<const char*>(plain.data()), real, ec);
  if (ec) return error(C::Malformed, "content JSON is invalid near plaintext byte " + std::to_string(consumed));
  const json::value content = parser.release();
  if (!content.is_object()) return error(C::Malformed, "content is not a JSON object");
  std::string canonical;
  write_canonical(content, canonical);
  if (canonical.size() > real || std::memcmp(canonical.data(), plain.data(), canonical.size()) != 0)
    return error(C::Malformed, "content is not a canonical JSON object");
  sodium_memzero(canonical.data(), canonical.size());
  const auto& o = content.get_object();
  if (!has_exactly(o, {"application", "attachments", "procedure", "reply_key"}) || !o.at("application").is_object() ||
      !o.at("attachments").is_array() || !o.at("procedure").is_string() || !o.at("reply_key").is_string())
    return error(C::Malformed, "content lacks application, attachments, procedure or reply_key, or has others");

  s.procedure = std::string(o.at("procedure").get_string());
  write_canonical(o.at("application"), s.application_json);
  const json::string& reply = o.at("reply_key").get_string();
  // Re-encoding too: one key, one text (base64 can hide bits in its last character).
  if (!from_base64(reply, s.reply_key) || to_base64(s.reply_key) != std::string_view(reply))
    return error(C::Malformed, "reply_key is not the base64 of 32 bytes");

  std::size_t offset = canonical.size();
  const auto& list = o.at("attachments").get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string which = "attachment " + std::to_string(i);
    if (!list[i].is_object()) return error(C::Malformed, which + " is not an object");
    const auto& a = list[i].get_object();
    if (!has_exactly(a, {"name", "sha256", "size", "type"}) || !a.at("name").is_string() || !a.at("type").is_string() ||
        !a.at("sha256").is_string() || !a.at("size").is_number())
      return error(C::Malformed, which + " lacks name, sha256, size or type, or has others");
    json::error_code number_ec;
    const auto size = a.at("size").to_number<std::uint64_t>(number_ec);
    if (number_ec || size > real - offset) return error(C::Malformed, which + " declares more bytes than remain");
    const auto begin = plain.begin() + static_cast<std::ptrdiff_t>(offset);
    Attachment att{std::string(a.at("name").get_string()), std::string(a.at("type").get_string()),
                   std::vector<std::uint8_t>(begin, begin + static_cast<std::ptrdiff_t>(size))};
    if (sha256_hex(att.bytes) != std::string_view(a.at("sha256").get_string()))
      return error(C::Malformed, which + " does not match its sha256");
    offset += static_cast<std::size_t>(size);
    s.attachments.push_back(std::move(att));
  }
  if (offset != real) return error(C::Malformed, "plaintext has bytes beyond the listed attachments");
  return std::nullopt;
}

std::variant<OpenedEnvelope, EnvelopeError> open_envelope(std::span<const std::uint8_t> envelope,
                                                          const WardKeyPair& ward_key) {
  using C = EnvelopeError::Code;
  if (!ensure_sodium()) return error(C::Malformed, "libsodium could not be initialised");
  if (ward_key.secret_key.size() != crypto_box_SECRETKEYBYTES)  // e.g. a moved-from key pair
    throw std::invalid_argument("open_envelope: the ward secret key is not 32 bytes");
  auto header_or = read_envelope_header(envelope);
  if (auto* e = std::get_if<EnvelopeError>(&header_or)) return std::move(*e);
  OpenedEnvelope opened{std::get<EnvelopeHeader>(std::move(header_or)), {}};
  // The key id is recomputed from the public key rather than trusted from the caller's struct.
  if (opened.header.key_id != key_id_of(ward_key.public_key.bytes))
    return error(C::WrongKey, "envelope is for key " + opened.header.key_id + ", this key is " +
                                  key_id_of(ward_key.public_key.bytes));

  const std::size_t header_end = 6 + ((std::size_t{envelope[4]} << 8) | envelope[5]);
  const std::size_t prefix = header_end + kSealedKeyBytes + kStreamHeaderBytes;
  if (envelope.size() < prefix)
    return error(C::Truncated, "envelope ends" + at(envelope.size()) + " before the end of the stream header");

  SecretBytes content_key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
  if (crypto_box_seal_open(content_key.data(), envelope.data() + header_end, kSealedKeyBytes,
                           ward_key.public_key.bytes.data(), ward_key.secret_key.data()) != 0)
    return error(C::Tampered, "sealed key" + at(header_end) + " does not open with this ward key");
  State state;
  WipeOnExit wipe_state{&state, sizeof state};
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, envelope.data() + prefix - kStreamHeaderBytes,
                                                      content_key.data()) != 0)
    return error(C::Tampered, "stream header" + at(prefix - kStreamHeaderBytes) + " is invalid");

  std::vector<std::uint8_t> plain;
  plain.reserve(envelope.size());  // never reallocates: plaintext is shorter than the envelope
  WipeOnExit wipe_plain{plain.data(), plain.capacity()};
  std::size_t pos = prefix;
  for (std::size_t index = 0;; ++index) {
    const std::string where = "chunk " + std::to_string(index) + at(pos);
    if (envelope.size() - pos < 4)
      return error(C::Truncated, "stream ends" + at(envelope.size()) + " before " + where + " (no final chunk)");
    std::size_t len = 0;
    for (int i = 0; i < 4; ++i) len = (len << 8) | envelope[pos + static_cast<std::size_t>(i)];
    if (len < kAbytes) return error(C::Malformed, where + " is shorter than its authentication tag");
    if (len > kEnvelopeChunkBytes + kAbytes) return error(C::TooLarge, where + " declares more than 64 KiB");
    if (len > envelope.size() - pos - 4) return error(C::Truncated, where + " runs past the end of the envelope");
    const std::size_t from = plain.size();
    plain.resize(from + len - kAbytes);
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state, plain.data() + from, nullptr, &tag, envelope.data() + pos + 4, len,
            index == 0 ? envelope.data() : nullptr, index == 0 ? prefix : 0) != 0)
      return error(C::Tampered, where + " fails authentication");
    pos += 4 + len;
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) break;
    if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
      return error(C::Malformed, where + " has an unknown tag");
    if (len - kAbytes != kEnvelopeChunkBytes) return error(C::Malformed, where + " is not full but not final");
  }
  if (pos != envelope.size())
    return error(C::TrailingData, std::to_string(envelope.size() - pos) + " bytes follow the final chunk" + at(pos));

  if (auto problem = read_envelope_plaintext(plain, opened.submission)) return std::move(*problem);
  return opened;
}

}  // namespace madoguchi::crypto
