// seal-bench: how fast an application with one attachment (1 KiB, 64 KiB, 8 MiB) is sealed into an
// Envelope v1 and opened again, and how long opening a ward key file takes (Argon2id). The same source
// runs natively and as wasm under node and in Chromium; tools/bench/seal-bench sets them beside
// libsodium-wrappers.
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <variant>
#include <vector>

#include "crypto/envelope.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/ward_key_file.hpp"

using namespace madoguchi::crypto;

namespace {

using clock_type = std::chrono::steady_clock;

// A typical form as the app writes it; its size hardly matters beside the attachment.
constexpr const char* kApplication =
    R"({"applicant":{"address":"東京都まどぐち区芝公園１丁目２－３","furigana":"やまだ はなこ",)"
    R"("name":"山田 花子","phone":"09012345678"},"moving_date":"2026-03-20","reason":"転居"})";

struct Timing {
  double median_s;
  std::size_t rounds;
};

// One untimed round first (first-touch page faults, wasm heap growth), then rounds until `budget_s`
// has passed and at least `min_rounds` were made; the median resists the shared machine's noise.
template <class Work>
Timing median_time(double budget_s, std::size_t min_rounds, Work&& work) {
  work();
  std::vector<double> times;
  const auto start = clock_type::now();
  do {
    const auto t0 = clock_type::now();
    work();
    times.push_back(std::chrono::duration<double>(clock_type::now() - t0).count());
  } while (times.size() < min_rounds || std::chrono::duration<double>(clock_type::now() - start).count() < budget_s);
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times.size()};
}

std::vector<std::uint8_t> random_bytes(std::size_t size) {
  // randombytes_buf costs one JS call per byte in wasm: expand a random seed instead.
  unsigned char seed[randombytes_SEEDBYTES];
  randombytes_buf(seed, sizeof seed);
  std::vector<std::uint8_t> bytes(size);
  randombytes_buf_deterministic(bytes.data(), bytes.size(), seed);
  return bytes;
}

bool bench_envelope(const char* label, std::size_t attachment_bytes, const WardKeyPair& ward) {
  Submission s;
  s.procedure = "tenkyo-todoke";
  s.application_json = kApplication;
  s.attachments.push_back({"scan.pdf", "application/pdf", random_bytes(attachment_bytes)});
  randombytes_buf(s.reply_key.data(), s.reply_key.size());
  const std::string id = new_submission_id();
  const char* created = "2026-11-23T09:30:00Z";

  std::vector<std::uint8_t> envelope;
  const Timing seal = median_time(1.0, 5, [&] { envelope = seal_envelope(s, ward.public_key, id, created); });
  std::variant<OpenedEnvelope, EnvelopeError> opened;
  const Timing open = median_time(1.0, 5, [&] { opened = open_envelope(envelope, ward); });
  const auto* o = std::get_if<OpenedEnvelope>(&opened);
  if (!o || o->submission.attachments.size() != 1 || o->submission.attachments[0].bytes != s.attachments[0].bytes) {
    std::fprintf(stderr, "seal-bench: the %s envelope did not open to what was sealed\n", label);
    return false;
  }
  const double mb = static_cast<double>(attachment_bytes) / 1e6;
  std::printf("seal %s %.1f MB/s (envelope %zu B; %.3f ms, median of %zu rounds)\n", label, mb / seal.median_s,
              envelope.size(), seal.median_s * 1e3, seal.rounds);
  std::printf("open %s %.1f MB/s (%.3f ms, median of %zu rounds)\n", label, mb / open.median_s, open.median_s * 1e3,
              open.rounds);
  std::fflush(stdout);
  return true;
}

bool bench_key_file(const char* label, const char* limits_name, KdfLimits limits, const WardKeyPair& ward) {
  const char* passphrase = "seal-bench passphrase, not a secret";
  const std::string file = write_ward_key_file(ward, passphrase, "seal-bench", "2026-11-23", limits);
  std::string failure;  // the first error's detail, e.g. Argon2id's memory refused in a browser tab
  const Timing t = median_time(0.0, 3, [&] {
    auto opened = read_ward_key_file(file, passphrase);
    if (const auto* e = std::get_if<WardKeyFileError>(&opened); e && failure.empty()) failure = e->detail;
  });
  if (!failure.empty()) {
    std::fprintf(stderr, "seal-bench: the %s key file did not open: %s\n", label, failure.c_str());
    return false;
  }
  std::printf("argon2id %s %.1f ms (t=%llu, %llu MiB: %s; read_ward_key_file, median of %zu rounds)\n", label,
              t.median_s * 1e3, static_cast<unsigned long long>(limits.opslimit),
              static_cast<unsigned long long>(limits.memlimit >> 20), limits_name, t.rounds);
  std::fflush(stdout);
  return true;
}

}  // namespace

int main() {
  if (!ensure_sodium()) {
    std::fprintf(stderr, "seal-bench: libsodium could not start (no secure randomness on this platform)\n");
    return 1;
  }
  // Said here, not left to the runtime: in a browser tab an uncaught exception shows no message, and
  // Argon2id that cannot grow the heap to 256 MiB ends this way.
  try {
    const WardKeyPair ward = generate_ward_key_pair();
    bool ok = bench_envelope("1KiB", 1024, ward) && bench_envelope("64KiB", 64 * 1024, ward) &&
              bench_envelope("8MiB", 8 * 1024 * 1024, ward) &&
              bench_key_file("ward-key-file", "kWardKeyFileLimits", kWardKeyFileLimits, ward) &&
              bench_key_file("development-key", "kDevelopmentKeyLimits", kDevelopmentKeyLimits, ward);
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "seal-bench: %s\n", e.what());
    return 1;
  }
}
