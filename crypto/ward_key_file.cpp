// Writing and reading the ward's secret key file. Every check that needs no passphrase runs before
// Argon2id, and a checksum over the encrypted part tells a damaged file from a wrong passphrase.
#include "ward_key_file.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <limits>
#include <stdexcept>
#include <vector>

#include "byte_text.hpp"
#include "sodium_runtime.hpp"

namespace madoguchi::crypto {
namespace {

namespace json = boost::json;

constexpr std::string_view kAlgorithm = "argon2id13";
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonceBytes = crypto_secretbox_NONCEBYTES;
constexpr std::size_t kCiphertextBytes = crypto_secretbox_MACBYTES + crypto_box_SECRETKEYBYTES;
static_assert(kSaltBytes == 16 && kNonceBytes == 24 && kCiphertextBytes == 48);
static_assert(crypto_secretbox_KEYBYTES == 32 && crypto_box_PUBLICKEYBYTES == 32);
static_assert(kWardKeyFileLimits.opslimit == crypto_pwhash_OPSLIMIT_MODERATE &&
              kWardKeyFileLimits.memlimit == crypto_pwhash_MEMLIMIT_MODERATE);
static_assert(kDevelopmentKeyLimits.opslimit == crypto_pwhash_OPSLIMIT_INTERACTIVE &&
              kDevelopmentKeyLimits.memlimit == crypto_pwhash_MEMLIMIT_INTERACTIVE);
static_assert(kKdfMin.opslimit == crypto_pwhash_OPSLIMIT_MIN && kKdfMin.memlimit == crypto_pwhash_MEMLIMIT_MIN);

// The file's fields as text, exactly as they stand in the file; the checksum is taken over these.
struct Fields {
  std::string key_id, public_key, label, created, salt, nonce, ciphertext, checksum;
  KdfLimits limits;
};

// BLAKE2b-128 over every field the decryption depends on, one per line. Not a MAC: it catches
// accidental damage (a bit flip, a cut line) so that a failed decryption can only mean the passphrase.
std::string checksum_of(const Fields& f) {
  const std::string text = std::string(kWardKeyFileFormat) + '\n' + f.key_id + '\n' + f.public_key + '\n' +
                           std::string(kAlgorithm) + '\n' + std::to_string(f.limits.opslimit) + '\n' +
                           std::to_string(f.limits.memlimit) + '\n' + f.salt + '\n' + f.nonce + '\n' +
                           f.ciphertext + '\n';
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  return to_hex(hash);
}

bool limits_allowed(const KdfLimits& l) {
  return l.opslimit >= kKdfMin.opslimit && l.opslimit <= kKdfMax.opslimit && l.memlimit >= kKdfMin.memlimit &&
         l.memlimit <= kKdfMax.memlimit;
}

// The secretbox key from the passphrase; false when Argon2id cannot get its memory.
bool derive_key(SecretBytes& key, std::string_view passphrase, const std::uint8_t* salt, const KdfLimits& l) {
  if (l.memlimit > std::numeric_limits<std::size_t>::max()) return false;  // a 32-bit (wasm) reader
  return crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, l.opslimit,
                       static_cast<std::size_t>(l.memlimit), crypto_pwhash_ALG_ARGON2ID13) == 0;
}

std::string quoted(std::string_view s) { return json::serialize(json::string_view(s.data(), s.size())); }

WardKeyFileError malformed(std::string what) {
  return {WardKeyFileError::Malformed, "this is not a readable ward key file (" + what +
                                           "): restore the file from its backup copy"};
}

WardKeyFileError damaged(std::string what) {
  return {WardKeyFileError::Damaged,
          "the ward key file is damaged (" + what + "): restore the file from its backup copy"};
}

const json::string* string_field(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  return v ? v->if_string() : nullptr;
}

std::optional<std::uint64_t> unsigned_field(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  if (!v) return std::nullopt;
  if (v->is_uint64()) return v->get_uint64();
  if (v->is_int64() && v->get_int64() >= 0) return static_cast<std::uint64_t>(v->get_int64());
  return std::nullopt;
}

bool has_exactly(const json::object& o, std::initializer_list<std::string_view> names) {
  if (o.size() != names.size()) return false;
  for (auto n : names)
    if (!o.contains(n)) return false;
  return true;
}

// The fields with their types checked (not yet their contents).
std::variant<Fields, WardKeyFileError> parse_fields(std::string_view file_text) {
  json::error_code ec;
  json::value doc = json::parse(json::string_view(file_text.data(), file_text.size()), ec);
  if (ec) return malformed("not JSON: " + ec.message());
  const json::object* o = doc.if_object();
  if (!o) return malformed("not a JSON object");
  const json::string* format = string_field(*o, "format");
  if (!format) return malformed("no \"format\" field");
  if (*format != kWardKeyFileFormat)
    return WardKeyFileError{WardKeyFileError::UnsupportedFormat,
                            "the file's format is " + quoted(*format) + ", but this program reads only " +
                                std::string(kWardKeyFileFormat) + ": use the madoguchi-keygen that made it"};
  if (!has_exactly(*o, {"format", "key_id", "public_key", "label", "created", "kdf", "nonce", "ciphertext", "checksum"}))
    return malformed("expected exactly the fields format, key_id, public_key, label, created, kdf, nonce, "
                     "ciphertext and checksum");
  Fields f;
  const std::pair<const char*, std::string*> strings[] = {
      {"key_id", &f.key_id},   {"public_key", &f.public_key}, {"label", &f.label},       {"created", &f.created},
      {"nonce", &f.nonce},     {"ciphertext", &f.ciphertext}, {"checksum", &f.checksum}};
  for (auto [name, out] : strings) {
    const json::string* s = string_field(*o, name);
    if (!s) return malformed(std::string("\"") + name + "\" is not a string");
    *out = std::string(*s);
  }
  const json::object* kdf = o->at("kdf").if_object();
  if (!kdf || !has_exactly(*kdf, {"algorithm", "opslimit", "memlimit", "salt"}))
    return malformed("\"kdf\" must be an object with exactly algorithm, opslimit, memlimit and salt");
  const json::string* algorithm = string_field(*kdf, "algorithm");
  if (!algorithm || *algorithm != kAlgorithm) return malformed("kdf.algorithm must be \"argon2id13\"");
  const json::string* salt = string_field(*kdf, "salt");
  if (!salt) return malformed("kdf.salt is not a string");
  f.salt = std::string(*salt);
  auto ops = unsigned_field(*kdf, "opslimit"), mem = unsigned_field(*kdf, "memlimit");
  if (!ops || !mem) return malformed("kdf.opslimit and kdf.memlimit must be whole numbers");
  f.limits = {*ops, *mem};
  if (!limits_allowed(f.limits))
    return malformed("kdf.opslimit must be 1-64 and kdf.memlimit 8192 bytes to 4 GiB");
  return f;
}

struct Checked {
  WardKeyFileInfo info;
  std::uint8_t salt[kSaltBytes], nonce[kNonceBytes], ciphertext[kCiphertextBytes];
};

std::variant<Checked, WardKeyFileError> check(std::string_view file_text) {
  auto parsed = parse_fields(file_text);
  if (auto* e = std::get_if<WardKeyFileError>(&parsed)) return std::move(*e);
  const Fields& f = std::get<Fields>(parsed);
  Checked c;
  if (f.key_id.size() != 16 || f.key_id.find_first_not_of("0123456789abcdef") != std::string::npos)
    return malformed("key_id must be 16 lowercase hex digits");
  auto pk = public_key_from_base64(f.public_key);
  if (!pk) return malformed("public_key must be base64 of 32 bytes");
  if (!from_base64(f.salt, c.salt)) return malformed("kdf.salt must be base64 of 16 bytes");
  if (!from_base64(f.nonce, c.nonce)) return malformed("nonce must be base64 of 24 bytes");
  if (!from_base64(f.ciphertext, c.ciphertext))
    return malformed("ciphertext must be base64 of 48 bytes");
  if (pk->key_id != f.key_id)
    return damaged("key_id " + f.key_id + " does not name its public key, whose key id is " + pk->key_id);
  if (f.checksum != checksum_of(f)) return damaged("the checksum does not match the kdf, nonce and ciphertext");
  c.info = WardKeyFileInfo{std::move(*pk), f.label, f.created, f.limits};
  return c;
}

}  // namespace

std::string write_ward_key_file(const WardKeyPair& pair, std::string_view passphrase, std::string_view label,
                                std::string_view created, KdfLimits limits) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  if (!limits_allowed(limits)) throw std::invalid_argument("ward key file: Argon2id limits out of range");
  if (pair.secret_key.size() != crypto_box_SECRETKEYBYTES)
    throw std::invalid_argument("ward key file: the secret key is not 32 bytes");
  std::uint8_t salt[kSaltBytes], nonce[kNonceBytes], ciphertext[kCiphertextBytes];
  randombytes_buf(salt, sizeof salt);
  randombytes_buf(nonce, sizeof nonce);
  SecretBytes key(crypto_secretbox_KEYBYTES);
  if (!derive_key(key, passphrase, salt, limits))
    throw std::runtime_error("ward key file: Argon2id could not get " + std::to_string(limits.memlimit >> 20) +
                             " MiB of memory; close other programs and try again");
  crypto_secretbox_easy(ciphertext, pair.secret_key.data(), pair.secret_key.size(), nonce, key.data());

  Fields f;
  f.key_id = key_id_of(pair.public_key.bytes);
  f.public_key = public_key_base64(pair.public_key);
  f.salt = to_base64(salt);
  f.nonce = to_base64(nonce);
  f.ciphertext = to_base64(ciphertext);
  f.limits = limits;
  // One field a line, so staff can read which key this is in any text viewer.
  return "{\n  \"format\": " + quoted(kWardKeyFileFormat) + ",\n  \"key_id\": " + quoted(f.key_id) +
         ",\n  \"public_key\": " + quoted(f.public_key) + ",\n  \"label\": " + quoted(label) +
         ",\n  \"created\": " + quoted(created) + ",\n  \"kdf\": {\"algorithm\": " + quoted(kAlgorithm) +
         ", \"opslimit\": " + std::to_string(limits.opslimit) + ", \"memlimit\": " + std::to_string(limits.memlimit) +
         ", \"salt\": " + quoted(f.salt) + "},\n  \"nonce\": " + quoted(f.nonce) + ",\n  \"ciphertext\": " +
         quoted(f.ciphertext) + ",\n  \"checksum\": " + quoted(checksum_of(f)) + "\n}\n";
}

std::variant<WardKeyFileInfo, WardKeyFileError> inspect_ward_key_file(std::string_view file_text) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  auto checked = check(file_text);
  if (auto* e = std::get_if<WardKeyFileError>(&checked)) return std::move(*e);
  return std::move(std::get<Checked>(checked).info);
}

std::variant<WardKeyPair, WardKeyFileError> read_ward_key_file(std::string_view file_text, std::string_view passphrase) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  auto checked = check(file_text);
  if (auto* e = std::get_if<WardKeyFileError>(&checked)) return std::move(*e);
  Checked& c = std::get<Checked>(checked);
  SecretBytes key(crypto_secretbox_KEYBYTES);
  if (!derive_key(key, passphrase, c.salt, c.info.limits))
    return WardKeyFileError{WardKeyFileError::OutOfMemory,
                            "opening this key file needs " + std::to_string(c.info.limits.memlimit >> 20) +
                                " MiB of memory, which this computer could not give: close other programs and try again"};
  WardKeyPair pair;
  if (crypto_secretbox_open_easy(pair.secret_key.data(), c.ciphertext, sizeof c.ciphertext, c.nonce, key.data()) != 0)
    return WardKeyFileError{WardKeyFileError::WrongPassphrase,
                            "the passphrase is wrong for key " + c.info.public_key.key_id +
                                ": type it again (it is case-sensitive; check the keyboard's input mode)"};
  std::array<std::uint8_t, 32> derived{};
  crypto_scalarmult_base(derived.data(), pair.secret_key.data());
  if (sodium_memcmp(derived.data(), c.info.public_key.bytes.data(), derived.size()) != 0)
    return damaged("the secret key inside does not belong to public key " + c.info.public_key.key_id);
  pair.public_key = std::move(c.info.public_key);
  return pair;
}

std::string public_key_base64(const WardPublicKey& key) { return to_base64(key.bytes); }

std::optional<WardPublicKey> public_key_from_base64(std::string_view text) {
  if (!ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  WardPublicKey key;
  if (!from_base64(text, key.bytes)) return std::nullopt;
  key.key_id = key_id_of(key.bytes);
  return key;
}

}  // namespace madoguchi::crypto
