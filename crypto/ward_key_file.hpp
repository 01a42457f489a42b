// The ward's secret key file: the X25519 secret key encrypted under a staff passphrase (Argon2id +
// secretbox), as small JSON text that names its key (format in crypto/ward_key_file.md).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "crypto/ward_keys.hpp"

namespace madoguchi::crypto {

inline constexpr std::string_view kWardKeyFileFormat = "madoguchi-ward-secret-key/1";

// Argon2id cost. Files carry their own, so they can be raised later without breaking old files.
struct KdfLimits {
  std::uint64_t opslimit = 0;
  std::uint64_t memlimit = 0;  // bytes
};
// libsodium's MODERATE (3 passes, 256 MiB): about half a second on a desktop; see ward_key_file.md.
inline constexpr KdfLimits kWardKeyFileLimits{3, 256u * 1024 * 1024};
// libsodium's INTERACTIVE (2 passes, 64 MiB): only for keys whose passphrase is no secret (the development key).
inline constexpr KdfLimits kDevelopmentKeyLimits{2, 64u * 1024 * 1024};
// What a file may ask for: libsodium's minimum up to 64 passes and 4 GiB, so a crafted file cannot stall a reader.
inline constexpr KdfLimits kKdfMin{1, 8192};
inline constexpr KdfLimits kKdfMax{64, 4ull * 1024 * 1024 * 1024};

// What a file says about itself in the clear; readable without the passphrase.
struct WardKeyFileInfo {
  WardPublicKey public_key;
  std::string label;    // free text, e.g. "Example ward 2026"; shown to staff, not checked
  std::string created;  // YYYY-MM-DD as keygen wrote it; shown to staff, not checked
  KdfLimits limits;
};

struct WardKeyFileError {
  enum Code {
    Malformed,          // not JSON, a field missing, of the wrong type or out of range
    UnsupportedFormat,  // "format" is not madoguchi-ward-secret-key/1
    Damaged,            // well formed, but the checksum, the key id or the key pair does not match
    WrongPassphrase,    // intact file that the passphrase does not open
    OutOfMemory,        // Argon2id could not get the memory the file asks for
  } code;
  std::string detail;  // what is wrong and how to fix it; never key bytes or the passphrase
};

// The file's text for this key pair, with a fresh random salt and nonce. `passphrase` is UTF-8 as typed
// (the caller keeps it in SecretBytes and wipes it). Throws std::invalid_argument for limits outside
// kKdfMin..kKdfMax or a secret key that is not 32 bytes, std::runtime_error when Argon2id cannot get its memory.
std::string write_ward_key_file(const WardKeyPair& pair, std::string_view passphrase, std::string_view label,
                                std::string_view created, KdfLimits limits = kWardKeyFileLimits);

// Checks everything that needs no passphrase: format, fields, checksum, key id of the public key.
std::variant<WardKeyFileInfo, WardKeyFileError> inspect_ward_key_file(std::string_view file_text);

// inspect_ward_key_file, then decrypts and checks that the secret key belongs to the stored public key.
std::variant<WardKeyPair, WardKeyFileError> read_ward_key_file(std::string_view file_text, std::string_view passphrase);

// Public keys as key files and key lists write them: standard base64 (with '=') of the 32 bytes.
std::string public_key_base64(const WardPublicKey& key);
// The key with its key id, or nothing when the text is not base64 of exactly 32 bytes.
std::optional<WardPublicKey> public_key_from_base64(std::string_view text);

}  // namespace madoguchi::crypto
