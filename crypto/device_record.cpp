// libsodium's crypto_aead_xchacha20poly1305_ietf: a random 192-bit nonce per seal is safe for any number
// of saves under one key, which a draft saved on every pause in typing needs.
#include "crypto/device_record.hpp"

#include <sodium.h>

#include <stdexcept>

#include "crypto/sodium_runtime.hpp"

namespace madoguchi::crypto {
namespace {

// Binds the format version and the record id; the id cannot contain NUL, so the split is unambiguous.
std::string associated_data(std::string_view record_id) {
  std::string ad = "madoguchi-device-record/1";
  ad.push_back('\0');
  ad.append(record_id);
  return ad;
}

void require_sodium() {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

SecretBytes new_device_key() {
  require_sodium();
  SecretBytes key(kDeviceKeyBytes);
  crypto_aead_xchacha20poly1305_ietf_keygen(key.data());
  return key;
}

std::vector<std::uint8_t> seal_device_record(const SecretBytes& key, std::string_view record_id,
                                             std::string_view plaintext,
                                             const std::array<std::uint8_t, kDeviceRecordNonceBytes>& nonce) {
  require_sodium();
  if (key.size() != kDeviceKeyBytes) throw std::invalid_argument("a device key is 32 bytes");
  const std::string ad = associated_data(record_id);
  std::vector<std::uint8_t> blob(1 + nonce.size() + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  blob[0] = kDeviceRecordVersion;
  std::copy(nonce.begin(), nonce.end(), blob.begin() + 1);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      blob.data() + 1 + nonce.size(), &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce.data(),
      key.data());
  return blob;
}

std::vector<std::uint8_t> seal_device_record(const SecretBytes& key, std::string_view record_id,
                                             std::string_view plaintext) {
  require_sodium();
  std::array<std::uint8_t, kDeviceRecordNonceBytes> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  return seal_device_record(key, record_id, plaintext, nonce);
}

std::optional<std::string> open_device_record(const SecretBytes& key, std::string_view record_id,
                                              std::span<const std::uint8_t> blob) {
  if (!ensure_sodium() || key.size() != kDeviceKeyBytes) return std::nullopt;
  constexpr std::size_t overhead = 1 + kDeviceRecordNonceBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (blob.size() < overhead || blob[0] != kDeviceRecordVersion) return std::nullopt;
  const std::string ad = associated_data(record_id);
  std::string plaintext(blob.size() - overhead, '\0');
  unsigned long long read = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plaintext.data()), &read, nullptr, blob.data() + 1 + kDeviceRecordNonceBytes,
          blob.size() - 1 - kDeviceRecordNonceBytes, reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
          blob.data() + 1, key.data()) != 0)
    return std::nullopt;
  return plaintext;
}

}  // namespace madoguchi::crypto
