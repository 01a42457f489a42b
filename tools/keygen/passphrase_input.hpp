// Where madoguchi-keygen and madoguchi-inbox get a passphrase: the terminal without echo, or the first
// line of a file for scripts. The bytes stay in guarded memory and are wiped when the Passphrase goes away.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "crypto/secret_bytes.hpp"

namespace madoguchi::keygen {

inline constexpr std::size_t kMinPassphraseCharacters = 12;

class Passphrase {
 public:
  Passphrase();
  void push_back(char c);  // throws std::runtime_error past 1024 bytes
  void pop_back();         // only when not empty
  std::string_view view() const { return {reinterpret_cast<const char*>(bytes_.data()), size_}; }
  std::size_t characters() const;  // Unicode code points of the UTF-8 text
  bool operator==(const Passphrase& other) const;  // constant time for equal sizes

 private:
  crypto::SecretBytes bytes_;
  std::size_t size_ = 0;
};

// Asks once on the controlling terminal with echo off (to open an existing key file); throws
// std::runtime_error when there is no terminal.
Passphrase ask_passphrase(std::string_view question);

// Asks twice, for a new key; throws std::runtime_error when there is no terminal or the two differ.
Passphrase ask_new_passphrase();

// The file's first line without its line end; throws std::runtime_error when it cannot be read or is empty.
Passphrase read_passphrase_file(const std::string& path);

// Throws std::runtime_error saying how long the passphrase is and what is needed.
void require_strong_passphrase(const Passphrase& passphrase);

}  // namespace madoguchi::keygen
