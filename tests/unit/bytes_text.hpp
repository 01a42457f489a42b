// Bytes as text for tests and test helpers: crypto/byte_text.hpp's encoders, so tests write what the code
// writes, and a hex decoder for test vectors that stops the test on bad input.
#pragma once
#include <sodium.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/byte_text.hpp"

namespace test_bytes {

using Bytes = std::vector<std::uint8_t>;

inline std::string hex(const Bytes& b) { return madoguchi::crypto::to_hex(b); }

inline Bytes unhex(std::string_view h) {
  Bytes b(h.size() / 2);
  std::size_t len = 0;
  if (sodium_hex2bin(b.data(), b.size(), h.data(), h.size(), nullptr, &len, nullptr) != 0 || len * 2 != h.size())
    throw std::invalid_argument("not hex: " + std::string(h.substr(0, 16)));
  b.resize(len);
  return b;
}

inline std::string base64(const std::uint8_t* data, std::size_t size) {
  return madoguchi::crypto::to_base64({data, size});
}

}  // namespace test_bytes
