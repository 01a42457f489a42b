// The clear part of Envelope v1: magic, the canonical header JSON (written and read by hand because
// its four fields are fixed), submission ids and the size buckets. No key and no JSON library needed,
// so the endpoint can route and de-duplicate with this file alone.
#include "envelope.hpp"

#include <sodium.h>

#include <cmath>
#include <stdexcept>

#include "sodium_runtime.hpp"

namespace madoguchi::crypto {
namespace {

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool is_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

bool valid_created(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SSZ, a real calendar date (UTC, no leap second: device clocks never show one).
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
    return false;
  for (std::size_t i : {0u, 5u, 8u, 11u, 14u, 17u})
    if (!is_digits(s.substr(i, i == 0 ? 4 : 2))) return false;
  const int year = number(s.substr(0, 4)), month = number(s.substr(5, 2)), day = number(s.substr(8, 2));
  if (year < 2000 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  return number(s.substr(11, 2)) < 24 && number(s.substr(14, 2)) < 60 && number(s.substr(17, 2)) < 60;
}

bool valid_key_id(std::string_view s) {
  if (s.size() != 16) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool valid_submission_id(std::string_view s) {
  // 26 characters hold 130 bits; 128 are used, so the first character carries at most 3 bits.
  if (s.size() != 26 || s[0] < '0' || s[0] > '7') return false;
  for (char c : s)
    if (std::string_view(kCrockford).find(c) == std::string_view::npos) return false;
  return true;
}

// Takes `literal` from the front of `rest`; false when it is not there.
bool take(std::string_view& rest, std::string_view literal) {
  if (rest.substr(0, literal.size()) != literal) return false;
  rest.remove_prefix(literal.size());
  return true;
}

// Takes a JSON string's contents up to the closing quote (the fields never need escapes).
bool take_string(std::string_view& rest, std::string_view& out) {
  const auto end = rest.find('"');
  if (end == std::string_view::npos) return false;
  out = rest.substr(0, end);
  rest.remove_prefix(end);
  return true;
}

EnvelopeError error(EnvelopeError::Code code, std::string detail) { return EnvelopeError{code, std::move(detail)}; }

}  // namespace

std::string canonical_envelope_header(const EnvelopeHeader& header) {
  if (header.version != 1 || !valid_created(header.created) || !valid_key_id(header.key_id) ||
      !valid_submission_id(header.submission_id))
    return {};
  // Keys in byte order, no whitespace, no escapes: the only form read_envelope_header accepts.
  return "{\"created\":\"" + header.created + "\",\"key_id\":\"" + header.key_id + "\",\"submission_id\":\"" +
         header.submission_id + "\",\"v\":1}";
}

std::variant<EnvelopeHeader, EnvelopeError> read_envelope_header(std::span<const std::uint8_t> envelope) {
  using C = EnvelopeError::Code;
  if (envelope.size() > kEnvelopeMaxBytes)
    return error(C::TooLarge, "envelope is " + std::to_string(envelope.size()) + " bytes, the limit is 32 MiB");
  if (envelope.size() < 6)
    return error(C::Truncated,
                 "envelope ends at byte " + std::to_string(envelope.size()) + " before the header length (byte 4)");
  if (std::string_view(reinterpret_cast<const char*>(envelope.data()), 4) != "MDG1")
    return error(C::Malformed, "bytes 0-3 are not the magic MDG1");
  const std::size_t header_len = (std::size_t{envelope[4]} << 8) | envelope[5];
  if (header_len > kEnvelopeMaxHeaderBytes)
    return error(C::TooLarge, "header length at byte 4 is " + std::to_string(header_len) + ", the limit is 1024");
  if (envelope.size() < 6 + header_len)
    return error(C::Truncated, "envelope ends at byte " + std::to_string(envelope.size()) + " inside the header");

  const std::string_view json(reinterpret_cast<const char*>(envelope.data()) + 6, header_len);
  std::string_view rest = json, created, key_id, submission_id, version;
  const bool shaped = take(rest, "{\"created\":\"") && take_string(rest, created) && take(rest, "\",\"key_id\":\"") &&
                      take_string(rest, key_id) && take(rest, "\",\"submission_id\":\"") &&
                      take_string(rest, submission_id) && take(rest, "\",\"v\":");
  if (shaped) {
    const auto close = rest.find('}');
    if (close != std::string_view::npos && close + 1 == rest.size()) version = rest.substr(0, close);
  }
  if (!shaped || !is_digits(version)) {
    // A later format may have other fields, but it still says which version it is, last (keys sorted).
    const auto v = json.rfind("\"v\":");
    if (v != std::string_view::npos && json.back() == '}') {
      const auto digits = json.substr(v + 4, json.size() - v - 5);
      if (is_digits(digits) && digits != "1")
        return error(C::UnsupportedVersion, "header at byte 6 declares version " + std::string(digits.substr(0, 9)));
    }
    return error(C::Malformed, "header at byte 6 is not the canonical v1 JSON object");
  }
  if (version != "1") {
    if (version.size() > 1 && version[0] == '0')
      return error(C::Malformed, "header version at byte 6 is not a canonical number");
    return error(C::UnsupportedVersion, "header at byte 6 declares version " + std::string(version.substr(0, 9)));
  }
  if (!valid_created(created)) return error(C::Malformed, "header field created is not YYYY-MM-DDTHH:MM:SSZ");
  if (!valid_key_id(key_id)) return error(C::Malformed, "header field key_id is not 16 lowercase hex digits");
  if (!valid_submission_id(submission_id))
    return error(C::Malformed, "header field submission_id is not 26 Crockford base32 characters");
  return EnvelopeHeader{1, std::string(created), std::string(key_id), std::string(submission_id)};
}

std::string new_submission_id() {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);  // 16 bytes: one JS call each in wasm, affordable once per submission
  // Big-endian 128-bit number as 26 five-bit digits, two leading zero bits on top (as ULID does).
  std::string id(26, '0');
  unsigned bits = 0, acc = 0;
  int out = 25;
  for (int i = 15; i >= 0; --i) {
    acc |= unsigned{raw[i]} << bits;
    bits += 8;
    while (bits >= 5) {
      id[static_cast<std::size_t>(out--)] = kCrockford[acc & 31];
      acc >>= 5;
      bits -= 5;
    }
  }
  id[0] = kCrockford[acc & 31];  // the top 3 bits
  sodium_memzero(raw, sizeof raw);
  return id;
}

std::size_t envelope_size_bucket(std::size_t plaintext_bytes) {
  // 2^(j/4) as exact double literals: the same bits on every platform, so native and wasm agree
  // (pow() from two libms might not). ldexp by a power of two is exact; ceil gives 256-byte units.
  static constexpr double kQuarterSteps[4] = {1.0, 1.189207115002721, 1.4142135623730951, 1.681792830507429};
  for (int k = 0; k < 4 * 20; ++k) {
    const double units = std::ceil(std::ldexp(kQuarterSteps[k % 4], 4 + k / 4));
    const std::size_t bucket = static_cast<std::size_t>(units) * 256;
    if (bucket >= plaintext_bytes) return bucket;
  }
  throw std::length_error("envelope plaintext too large for a size bucket");
}

}  // namespace madoguchi::crypto
