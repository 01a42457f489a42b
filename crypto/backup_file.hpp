// The resident's backup file: every draft, encrypted under a passphrase they choose (Argon2id, then
// XChaCha20-Poly1305), so it can sit in Downloads or a mailbox and be restored on any device.
// Layout: crypto/backup_file.md.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crypto/ward_key_file.hpp"  // KdfLimits, the Argon2id cost both passphrase files carry

namespace madoguchi::crypto {

inline constexpr std::string_view kBackupMagic = "MADOGUCHI-BACKUP";
inline constexpr std::uint8_t kBackupVersion = 1;
inline constexpr std::size_t kBackupSaltBytes = 16;
inline constexpr std::size_t kBackupNonceBytes = 24;
// Magic, version, opslimit and memlimit (4 bytes each), salt, nonce: all of it is the associated data.
inline constexpr std::size_t kBackupHeaderBytes = 16 + 1 + 4 + 4 + kBackupSaltBytes + kBackupNonceBytes;

// libsodium's INTERACTIVE (2 passes, 64 MiB), as issue 7 names: bearable on a mid-range phone in wasm.
inline constexpr KdfLimits kBackupLimits{2, 64u * 1024 * 1024};
// What a file may ask for. The ceiling keeps a crafted file from stalling the phone or exhausting its
// memory; a writer that needs more must also raise the version, so older apps say NewerVersion.
inline constexpr KdfLimits kBackupLimitsMin{1, 8192};
inline constexpr KdfLimits kBackupLimitsMax{10, 256u * 1024 * 1024};

enum class BackupError {
  NotABackup,                // does not start with the magic: some other file was picked
  NewerVersion,              // a Madoguchi backup from a newer app version: update the app first
  Damaged,                   // the header is cut short, says version 0 or asks for limits outside kBackupLimitsMin..Max
  WrongPassphraseOrDamaged,  // the body does not open: AEAD cannot tell a wrong passphrase from a changed byte
  OutOfMemory,               // Argon2id could not get the memory the file asks for
};

// The backup file for `plaintext`, with a fresh random salt and nonce. `passphrase` is the UTF-8 bytes as
// typed; no copy of it is kept. Throws std::invalid_argument for an empty passphrase, std::runtime_error
// when libsodium cannot start or Argon2id cannot get its memory.
std::vector<std::uint8_t> seal_backup(std::string_view passphrase, std::string_view plaintext);
// The same with given limits, salt and nonce: only for tests; a real file needs a fresh salt and nonce.
// Also throws std::invalid_argument for limits outside kBackupLimitsMin..kBackupLimitsMax.
std::vector<std::uint8_t> seal_backup(std::string_view passphrase, std::string_view plaintext, const KdfLimits& limits,
                                      const std::array<std::uint8_t, kBackupSaltBytes>& salt,
                                      const std::array<std::uint8_t, kBackupNonceBytes>& nonce);

// The plaintext, or why not. Every header check runs before Argon2id, so a file that is no backup, is
// from a newer version or asks for absurd limits costs nothing to refuse.
std::variant<std::string, BackupError> open_backup(std::string_view passphrase, std::span<const std::uint8_t> file);

}  // namespace madoguchi::crypto
