// Sealing and opening the backup file. The header is checked in full before Argon2id runs, and it is the
// AEAD's associated data, so a header changed on its way to another device makes the file refuse to open.
#include "crypto/backup_file.hpp"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "crypto/secret_bytes.hpp"
#include "crypto/sodium_runtime.hpp"

namespace madoguchi::crypto {
namespace {

constexpr std::size_t kVersionAt = kBackupMagic.size();
constexpr std::size_t kOpslimitAt = kVersionAt + 1;
constexpr std::size_t kMemlimitAt = kOpslimitAt + 4;
constexpr std::size_t kSaltAt = kMemlimitAt + 4;
constexpr std::size_t kNonceAt = kSaltAt + kBackupSaltBytes;
static_assert(kNonceAt + kBackupNonceBytes == kBackupHeaderBytes);
static_assert(kBackupSaltBytes == crypto_pwhash_SALTBYTES &&
              kBackupNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kBackupLimits.opslimit == crypto_pwhash_OPSLIMIT_INTERACTIVE &&
              kBackupLimits.memlimit == crypto_pwhash_MEMLIMIT_INTERACTIVE);
static_assert(kBackupLimitsMin.opslimit == crypto_pwhash_OPSLIMIT_MIN &&
              kBackupLimitsMin.memlimit == crypto_pwhash_MEMLIMIT_MIN);
// Both limits are written as 32 bits, and memlimit must fit a 32-bit (wasm) size_t.
static_assert(kBackupLimitsMax.memlimit <= 0xffffffffu && kBackupLimitsMax.opslimit <= 0xffffffffu);

void put_be32(std::uint8_t* at, std::uint64_t value) {
  for (int i = 3; i >= 0; --i, value >>= 8) at[i] = static_cast<std::uint8_t>(value & 0xff);
}

std::uint64_t get_be32(const std::uint8_t* at) {
  return (std::uint64_t{at[0]} << 24) | (std::uint64_t{at[1]} << 16) | (std::uint64_t{at[2]} << 8) | at[3];
}

bool limits_allowed(const KdfLimits& l) {
  return l.opslimit >= kBackupLimitsMin.opslimit && l.opslimit <= kBackupLimitsMax.opslimit &&
         l.memlimit >= kBackupLimitsMin.memlimit && l.memlimit <= kBackupLimitsMax.memlimit;
}

// The AEAD key from the passphrase; false when Argon2id cannot get its memory.
bool derive_key(SecretBytes& key, std::string_view passphrase, const std::uint8_t* salt, const KdfLimits& l) {
  return crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, l.opslimit,
                       static_cast<std::size_t>(l.memlimit), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

}  // namespace

std::vector<std::uint8_t> seal_backup(std::string_view passphrase, std::string_view plaintext, const KdfLimits& limits,
                                      const std::array<std::uint8_t, kBackupSaltBytes>& salt,
                                      const std::array<std::uint8_t, kBackupNonceBytes>& nonce) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  if (passphrase.empty()) throw std::invalid_argument("a backup needs a passphrase");
  if (!limits_allowed(limits)) throw std::invalid_argument("Argon2id limits outside what a backup may ask for");

  std::vector<std::uint8_t> file(kBackupHeaderBytes + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  std::copy(kBackupMagic.begin(), kBackupMagic.end(), file.begin());
  file[kVersionAt] = kBackupVersion;
  put_be32(&file[kOpslimitAt], limits.opslimit);
  put_be32(&file[kMemlimitAt], limits.memlimit);
  std::copy(salt.begin(), salt.end(), file.begin() + kSaltAt);
  std::copy(nonce.begin(), nonce.end(), file.begin() + kNonceAt);

  SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (!derive_key(key, passphrase, salt.data(), limits))
    throw std::runtime_error("Argon2id could not get " + std::to_string(limits.memlimit >> 20) + " MiB of memory");
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      file.data() + kBackupHeaderBytes, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), file.data(), kBackupHeaderBytes, nullptr, nonce.data(), key.data());
  return file;
}

std::vector<std::uint8_t> seal_backup(std::string_view passphrase, std::string_view plaintext) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  std::array<std::uint8_t, kBackupSaltBytes> salt{};
  std::array<std::uint8_t, kBackupNonceBytes> nonce{};
  randombytes_buf(salt.data(), salt.size());
  randombytes_buf(nonce.data(), nonce.size());
  return seal_backup(passphrase, plaintext, kBackupLimits, salt, nonce);
}

std::variant<std::string, BackupError> open_backup(std::string_view passphrase, std::span<const std::uint8_t> file) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  if (file.size() < kBackupMagic.size() || !std::equal(kBackupMagic.begin(), kBackupMagic.end(), file.begin()))
    return BackupError::NotABackup;
  // The version is read before the length: a later version may have a shorter header.
  if (file.size() <= kVersionAt || file[kVersionAt] == 0) return BackupError::Damaged;
  if (file[kVersionAt] > kBackupVersion) return BackupError::NewerVersion;
  if (file.size() < kBackupHeaderBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES) return BackupError::Damaged;
  const KdfLimits limits{get_be32(&file[kOpslimitAt]), get_be32(&file[kMemlimitAt])};
  if (!limits_allowed(limits)) return BackupError::Damaged;

  SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (!derive_key(key, passphrase, &file[kSaltAt], limits)) return BackupError::OutOfMemory;
  const std::span<const std::uint8_t> body = file.subspan(kBackupHeaderBytes);
  std::string plaintext(body.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long read = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()), &read, nullptr,
                                                 body.data(), body.size(), file.data(), kBackupHeaderBytes,
                                                 &file[kNonceAt], key.data()) != 0)
    return BackupError::WrongPassphraseOrDamaged;
  return plaintext;
}

}  // namespace madoguchi::crypto
