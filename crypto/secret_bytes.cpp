// sodium_malloc places the buffer before a guard page and sodium_free wipes it before release.
#include "secret_bytes.hpp"

#include <sodium.h>

#include <new>
#include <utility>

#include "sodium_runtime.hpp"

namespace madoguchi::crypto {

SecretBytes::SecretBytes(std::size_t size) : size_(size) {
  if (size == 0) return;
  if (!ensure_sodium()) throw std::bad_alloc();
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size));
  if (!data_) throw std::bad_alloc();
  sodium_memzero(data_, size);
}

SecretBytes::~SecretBytes() {
  if (data_) sodium_free(data_);
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    if (data_) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

bool SecretBytes::operator==(const SecretBytes& other) const {
  if (size_ != other.size_) return false;
  return size_ == 0 || sodium_memcmp(data_, other.data_, size_) == 0;
}

}  // namespace madoguchi::crypto
