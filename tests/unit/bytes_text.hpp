// Bytes as text and back (hex for test vectors, base64 as the API and key files write keys), for tests
// and test helpers; libsodium's codecs, so tests read what the code writes.
#pragma once
#include <sodium.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace test_bytes {

using Bytes = std::vector<std::uint8_t>;

inline std::string hex(const std::uint8_t* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

inline std::string hex(const Bytes& b) { return hex(b.data(), b.size()); }

inline Bytes unhex(std::string_view h) {
  Bytes b(h.size() / 2);
  std::size_t len = 0;
  if (sodium_hex2bin(b.data(), b.size(), h.data(), h.size(), nullptr, &len, nullptr) != 0 || len * 2 != h.size())
    throw std::invalid_argument("not hex: " + std::string(h.substr(0, 16)));
  b.resize(len);
  return b;
}

inline std::string base64(const std::uint8_t* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

}  // namespace test_bytes
