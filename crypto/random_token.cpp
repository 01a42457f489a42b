// randombytes_buf into a buffer that is wiped once encoded.
#include "crypto/random_token.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "crypto/sodium_runtime.hpp"

namespace madoguchi::crypto {

std::string new_random_token() {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string text(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes.data(), bytes.size());
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

}  // namespace madoguchi::crypto
