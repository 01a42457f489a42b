// The resident's backup file: the checked-in known answer, a round trip, and every way a file must refuse
// to open. Most seal at libsodium's minimum cost, so the hundred opens of a loop stay quick in wasm.
#include <catch2/catch.hpp>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "bytes_text.hpp"
#include "crypto/backup_file.hpp"
#include "crypto/device_record.hpp"
#include "fixtures.hpp"

using namespace madoguchi::crypto;
using test_bytes::Bytes;
using test_bytes::unhex;

namespace {

const std::string kPassphrase = "さくら 2026 桜";
const std::string kDrafts = R"({"drafts":[{"procedure":"jidou-teate","values":{"name":"髙橋 𠮷子"}}]})";

template <std::size_t N>
std::array<std::uint8_t, N> array_of(const Bytes& bytes) {
  REQUIRE(bytes.size() == N);
  std::array<std::uint8_t, N> out{};
  std::copy(bytes.begin(), bytes.end(), out.begin());
  return out;
}

// A valid file at the minimum cost, with a fixed salt and nonce.
Bytes cheap_backup(std::string_view plaintext = kDrafts) {
  std::array<std::uint8_t, kBackupSaltBytes> salt{};
  std::array<std::uint8_t, kBackupNonceBytes> nonce{};
  salt.fill(0x11);
  nonce.fill(0x22);
  return seal_backup(kPassphrase, plaintext, kBackupLimitsMin, salt, nonce);
}

std::string opened(std::string_view passphrase, const Bytes& file) {
  auto result = open_backup(passphrase, file);
  REQUIRE(std::holds_alternative<std::string>(result));
  return std::get<std::string>(result);
}

BackupError refused(std::string_view passphrase, const Bytes& file) {
  auto result = open_backup(passphrase, file);
  REQUIRE(std::holds_alternative<BackupError>(result));
  return std::get<BackupError>(result);
}

void put_be32(Bytes& file, std::size_t at, std::uint32_t value) {
  for (int i = 3; i >= 0; --i, value >>= 8) file[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(value);
}

constexpr std::size_t kVersionAt = 16, kOpslimitAt = 17, kMemlimitAt = 21;

}  // namespace

TEST_CASE("a backup sealed with the vector's passphrase, salt and nonce gives the checked-in bytes", "[backup-file]") {
  const auto doc = boost::json::parse(fixtures::read_file(std::string(MADOGUCHI_SOURCE_DIR) +
                                                          "/crypto/test-vectors/backup-file-v1.json")).as_object();
  const std::string passphrase(doc.at("passphrase").as_string());
  const std::string text(doc.at("plaintext").as_string());
  const KdfLimits limits{doc.at("opslimit").to_number<std::uint64_t>(), doc.at("memlimit").to_number<std::uint64_t>()};
  const Bytes file = unhex(doc.at("file").as_string());
  CHECK(passphrase == kPassphrase);  // UTF-8 beyond ASCII reaches Argon2id as the same bytes in JS and C++
  CHECK(limits.opslimit == kBackupLimits.opslimit);
  CHECK(limits.memlimit == kBackupLimits.memlimit);

  CHECK(seal_backup(passphrase, text, limits, array_of<kBackupSaltBytes>(unhex(doc.at("salt").as_string())),
                    array_of<kBackupNonceBytes>(unhex(doc.at("nonce").as_string()))) == file);
  CHECK(opened(passphrase, file) == text);
  // No normalisation: the same year in full-width digits, as a Japanese keyboard may type it, is another passphrase.
  CHECK(refused("さくら ２０２６ 桜", file) == BackupError::WrongPassphraseOrDamaged);
}

TEST_CASE("a backup opens with its passphrase alone, and each one is sealed afresh", "[backup-file]") {
  const Bytes file = seal_backup(kPassphrase, kDrafts);
  REQUIRE(file.size() == kBackupHeaderBytes + kDrafts.size() + 16);
  CHECK(std::equal(kBackupMagic.begin(), kBackupMagic.end(), file.begin()));
  CHECK(file[kVersionAt] == kBackupVersion);
  const Bytes limits(file.begin() + kOpslimitAt, file.begin() + kOpslimitAt + 8);
  CHECK(limits == Bytes{0, 0, 0, 2, 0x04, 0, 0, 0});  // 2 passes, 64 MiB
  CHECK(opened(kPassphrase, file) == kDrafts);

  const Bytes again = seal_backup(kPassphrase, kDrafts);
  CHECK(!std::equal(file.begin() + 25, file.begin() + 41, again.begin() + 25));  // salt
  CHECK(!std::equal(file.begin() + 41, file.begin() + 65, again.begin() + 41));  // nonce

  CHECK(opened(kPassphrase, cheap_backup("")).empty());
  CHECK_THROWS_AS(seal_backup("", kDrafts), std::invalid_argument);
  const auto seal_at = [](KdfLimits limits) {
    return seal_backup(kPassphrase, kDrafts, limits, std::array<std::uint8_t, kBackupSaltBytes>{},
                       std::array<std::uint8_t, kBackupNonceBytes>{});
  };
  CHECK_THROWS_AS(seal_at({kBackupLimitsMax.opslimit + 1, kBackupLimitsMin.memlimit}), std::invalid_argument);
  CHECK_THROWS_AS(seal_at({1, kBackupLimitsMax.memlimit + 1024}), std::invalid_argument);
  CHECK_THROWS_AS(seal_at({0, kBackupLimitsMin.memlimit}), std::invalid_argument);
}

TEST_CASE("a wrong passphrase does not open a backup", "[backup-file]") {
  const Bytes file = cheap_backup();
  CHECK(opened(kPassphrase, file) == kDrafts);
  CHECK(refused("さくら 2026 櫻", file) == BackupError::WrongPassphraseOrDamaged);
  CHECK(refused("さくら 2026 桜 ", file) == BackupError::WrongPassphraseOrDamaged);
  CHECK(refused("さくら2026桜", file) == BackupError::WrongPassphraseOrDamaged);
  CHECK(refused("", file) == BackupError::WrongPassphraseOrDamaged);
}

TEST_CASE("a backup with any one byte changed does not open", "[backup-file]") {
  const Bytes file = cheap_backup();
  for (std::size_t at = 0; at < file.size(); ++at) {
    CAPTURE(at);
    Bytes changed = file;
    changed[at] ^= 0xff;
    const BackupError error = refused(kPassphrase, changed);
    if (at < kVersionAt) CHECK(error == BackupError::NotABackup);
    else if (at == kVersionAt) CHECK(error == BackupError::NewerVersion);  // 01 became fe
    else if (at >= 25) CHECK(error == BackupError::WrongPassphraseOrDamaged);  // salt, nonce, body: all authenticated
    else CHECK((error == BackupError::Damaged || error == BackupError::WrongPassphraseOrDamaged));
  }
}

TEST_CASE("a cut or lengthened backup does not open", "[backup-file]") {
  const Bytes file = cheap_backup();
  for (std::size_t size = 0; size < file.size(); ++size) {
    CAPTURE(size);
    const BackupError error = refused(kPassphrase, Bytes(file.begin(), std::next(file.begin(), std::ptrdiff_t(size))));
    if (size < kBackupMagic.size()) CHECK(error == BackupError::NotABackup);
    else if (size < kBackupHeaderBytes + 16) CHECK(error == BackupError::Damaged);
    else CHECK(error == BackupError::WrongPassphraseOrDamaged);
  }
  Bytes longer = file;
  longer.push_back(0);
  CHECK(refused(kPassphrase, longer) == BackupError::WrongPassphraseOrDamaged);
}

TEST_CASE("a file that is no Madoguchi backup is named as such", "[backup-file]") {
  const auto text = [](std::string_view s) { return Bytes(s.begin(), s.end()); };
  CHECK(refused(kPassphrase, {}) == BackupError::NotABackup);
  CHECK(refused(kPassphrase, text("PK\x03\x04 a zip of photos, not a backup at all")) == BackupError::NotABackup);
  CHECK(refused(kPassphrase, text(kDrafts)) == BackupError::NotABackup);
  CHECK(refused(kPassphrase, seal_device_record(new_device_key(), "draft/a", kDrafts)) == BackupError::NotABackup);
  Bytes lower = cheap_backup();
  std::transform(lower.begin(), lower.begin() + 16, lower.begin(), [](std::uint8_t c) {
    return static_cast<std::uint8_t>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  });
  CHECK(refused(kPassphrase, lower) == BackupError::NotABackup);
}

TEST_CASE("a backup from a newer version says so, whatever follows its version", "[backup-file]") {
  Bytes newer = cheap_backup();
  newer[kVersionAt] = kBackupVersion + 1;
  CHECK(refused(kPassphrase, newer) == BackupError::NewerVersion);
  Bytes bare(kBackupMagic.begin(), kBackupMagic.end());
  CHECK(refused(kPassphrase, bare) == BackupError::Damaged);
  bare.push_back(kBackupVersion + 1);
  CHECK(refused(kPassphrase, bare) == BackupError::NewerVersion);  // a later header may be shorter
  Bytes zero = cheap_backup();
  zero[kVersionAt] = 0;
  CHECK(refused(kPassphrase, zero) == BackupError::Damaged);
}

TEST_CASE("a header asking for absurd Argon2id limits is refused before Argon2id runs", "[backup-file]") {
  // Damaged, never OutOfMemory nor WrongPassphraseOrDamaged: either would mean Argon2id ran (and tried to
  // take 4 GiB), since the header is the associated data and any change to it fails the AEAD after Argon2id.
  const Bytes file = cheap_backup();
  const auto with = [&](std::size_t at, std::uint32_t value) {
    Bytes crafted = file;
    put_be32(crafted, at, value);
    return crafted;
  };
  CHECK(refused(kPassphrase, with(kMemlimitAt, 0xffffffffu)) == BackupError::Damaged);
  CHECK(refused(kPassphrase, with(kMemlimitAt, 256u * 1024 * 1024 + 1024)) == BackupError::Damaged);
  CHECK(refused(kPassphrase, with(kMemlimitAt, 4096)) == BackupError::Damaged);
  CHECK(refused(kPassphrase, with(kOpslimitAt, 0xffffffffu)) == BackupError::Damaged);
  CHECK(refused(kPassphrase, with(kOpslimitAt, 11)) == BackupError::Damaged);
  CHECK(refused(kPassphrase, with(kOpslimitAt, 0)) == BackupError::Damaged);
  // Within the bounds a changed limit is a different key: the AEAD refuses it.
  CHECK(refused(kPassphrase, with(kMemlimitAt, 16384)) == BackupError::WrongPassphraseOrDamaged);
}

// Not part of the suite (hidden tag): `tests/unit_tests "[.bench]"` prints what sealing and opening a backup
// at kBackupLimits costs, Argon2id being nearly all of it (crypto/backup_file.md).
TEST_CASE("bench: a backup sealed and opened at 2 passes and 64 MiB", "[.bench]") {
  const std::string drafts(20000, 'x');  // about twenty drafts
  using clock = std::chrono::steady_clock;
  const auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::vector<double> seals, opens;
  for (int round = 0; round < 5; ++round) {
    const auto t0 = clock::now();
    const Bytes file = seal_backup(kPassphrase, drafts);
    const auto t1 = clock::now();
    REQUIRE(opened(kPassphrase, file) == drafts);
    seals.push_back(ms(t1 - t0));
    opens.push_back(ms(clock::now() - t1));
  }
  std::sort(seals.begin(), seals.end());
  std::sort(opens.begin(), opens.end());
  std::printf("backup at t=2, 64 MiB: seal %.0f ms (median of 5, %.0f-%.0f), open %.0f ms (%.0f-%.0f)\n", seals[2],
              seals.front(), seals.back(), opens[2], opens.front(), opens.back());
}
