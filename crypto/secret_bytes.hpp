// A buffer for key material: guarded pages from sodium_malloc, wiped (sodium_free zeroes it) when it
// goes away, never copied by accident.
#pragma once
#include <cstddef>
#include <cstdint>

namespace madoguchi::crypto {

class SecretBytes {
 public:
  explicit SecretBytes(std::size_t size);  // zero-filled; size 0 gives an empty buffer
  ~SecretBytes();
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool operator==(const SecretBytes& other) const;  // constant time

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace madoguchi::crypto
