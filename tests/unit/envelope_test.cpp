// Envelope v1: round trips, the checked-in known-answer vectors, tamper/truncation/trailing-data detection,
// wrong keys, the size buckets, and that nothing private shows in the clear header or in error details.
#include <catch2/catch.hpp>

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "bytes_text.hpp"
#include "crypto/envelope.hpp"
#include "crypto/envelope_plaintext.hpp"
#include "crypto/sodium_runtime.hpp"

using namespace madoguchi::crypto;
using Bytes = std::vector<std::uint8_t>;
using Code = EnvelopeError::Code;

namespace {

using test_bytes::hex;
using test_bytes::unhex;

const char* kCreated = "2026-11-23T09:30:00Z";
const char* kSubmissionId = "01JDQ7Z8K3M4N5P6Q7R8S9T0VW";

// Deterministic "file" bytes: tests need volume, not randomness (which costs a JS call per byte in wasm).
Bytes pattern(std::size_t size, std::uint8_t salt) {
  Bytes b(size);
  for (std::size_t i = 0; i < size; ++i) b[i] = static_cast<std::uint8_t>(i * 31 + salt + (i >> 8));
  return b;
}

std::array<std::uint8_t, 32> fixed_bytes(std::uint8_t start) {
  std::array<std::uint8_t, 32> a{};
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<std::uint8_t>(start + i);
  return a;
}

// A ward key pair from a 32-byte seed, so vectors can be regenerated with the same key.
WardKeyPair seeded_key_pair(std::uint8_t start) {
  REQUIRE(ensure_sodium());
  const auto seed = fixed_bytes(start);
  WardKeyPair k;
  crypto_box_seed_keypair(k.public_key.bytes.data(), k.secret_key.data(), seed.data());
  k.public_key.key_id = key_id_of(k.public_key.bytes);
  return k;
}

Submission sample(std::string application, std::vector<Attachment> attachments = {}) {
  return Submission{"juminhyo-copy", std::move(application), std::move(attachments), fixed_bytes(100)};
}

std::string sha256_hex(const Bytes& b) {
  Bytes d(crypto_hash_sha256_BYTES);
  crypto_hash_sha256(d.data(), b.data(), b.size());
  return hex(d);
}

std::size_t prefix_size(const Bytes& e) { return 6 + ((std::size_t{e[4]} << 8) | e[5]) + 80 + 24; }

// Offsets of each chunk's u32 length prefix.
std::vector<std::size_t> chunk_offsets(const Bytes& e) {
  std::vector<std::size_t> out;
  for (std::size_t pos = prefix_size(e); pos + 4 <= e.size();) {
    out.push_back(pos);
    pos += 4 + ((std::size_t{e[pos]} << 24) | (std::size_t{e[pos + 1]} << 16) | (std::size_t{e[pos + 2]} << 8) |
                e[pos + 3]);
  }
  return out;
}

Code code_of(const std::variant<OpenedEnvelope, EnvelopeError>& r) {
  REQUIRE(std::holds_alternative<EnvelopeError>(r));
  return std::get<EnvelopeError>(r).code;
}

OpenedEnvelope opened(std::variant<OpenedEnvelope, EnvelopeError> r) {
  if (auto* e = std::get_if<EnvelopeError>(&r)) FAIL("open failed: " << e->detail);
  return std::get<OpenedEnvelope>(std::move(r));
}

bool contains(const Bytes& hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

// An envelope whose header JSON is `json`, followed by filler where the sealed key would be.
Bytes with_header(std::string_view json) {
  Bytes e(6 + json.size() + 200, 0);
  std::copy_n("MDG1", 4, e.begin());
  e[4] = static_cast<std::uint8_t>(json.size() >> 8);
  e[5] = static_cast<std::uint8_t>(json.size());
  std::copy(json.begin(), json.end(), e.begin() + 6);
  return e;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string canonical(std::string_view application) {
  // What open_envelope gives back: the same object with keys sorted, no whitespace.
  const auto key = seeded_key_pair(1);
  return opened(open_envelope(seal_envelope(sample(std::string(application)), key.public_key, kSubmissionId, kCreated),
                              key))
      .submission.application_json;
}

// The three known-answer cases (shared by the generator and the test).
struct VectorCase {
  std::string name;
  Submission submission;
};

std::vector<VectorCase> vector_cases() {
  std::vector<VectorCase> v;
  v.push_back(
      {"no-attachments", Submission{"moving-in", R"({"address":"1-2-3 Example","household":2})", {}, fixed_bytes(7)}});
  v.push_back({"two-attachments",
               Submission{"child-allowance",
                          R"({"children":[{"birth":"2025-04-01"}],"account":{"bank":"0001","number":"1234567"}})",
                          {Attachment{"passbook.pdf", "application/pdf", pattern(70000, 3)},
                           Attachment{"id-card.jpg", "image/jpeg", pattern(1500, 9)}},
                          fixed_bytes(40)}});
  v.push_back({"japanese-text",
               Submission{"juminhyo-copy",
                          R"({"氏名":"山田 太郎","住所":"東京都千代田区千代田1-1","備考":"𠮷野家の隣、髙橋様方"})",
                          {},
                          fixed_bytes(70)}});
  return v;
}

}  // namespace

TEST_CASE("a submission without attachments opens to the same content", "[envelope]") {
  const auto key = generate_ward_key_pair();
  const auto id = new_submission_id();
  const auto e = seal_envelope(sample(R"({"name": "Yamada", "age": 41})"), key.public_key, id, kCreated);
  const auto& o = opened(open_envelope(e, key));
  CHECK(o.header.version == 1);
  CHECK(o.header.created == kCreated);
  CHECK(o.header.key_id == key.public_key.key_id);
  CHECK(o.header.submission_id == id);
  CHECK(o.submission.procedure == "juminhyo-copy");
  CHECK(o.submission.application_json == R"({"age":41,"name":"Yamada"})");  // canonical: sorted, no spaces
  CHECK(o.submission.attachments.empty());
  CHECK(o.submission.reply_key == fixed_bytes(100));
  // Sealing is randomized (fresh content key, ephemeral box key, stream nonce).
  CHECK(seal_envelope(sample("{}"), key.public_key, id, kCreated) !=
        seal_envelope(sample("{}"), key.public_key, id, kCreated));
}

TEST_CASE("attachments, one over 64 KiB and one empty, come back byte for byte", "[envelope]") {
  const auto key = generate_ward_key_pair();
  std::vector<Attachment> files{{"scan.pdf", "application/pdf", pattern(150000, 1)},
                                {"empty.txt", "text/plain", {}},
                                {"photo.jpg", "image/jpeg", pattern(65536, 2)}};
  const auto e =
      seal_envelope(sample(R"({"a":[1,2,{"z":null,"b":true}]})", files), key.public_key, new_submission_id(), kCreated);
  // Every chunk but the last is full, so chunk lengths tell an observer nothing the bucket does not.
  const auto chunks = chunk_offsets(e);
  REQUIRE(chunks.size() == 4);
  for (std::size_t i = 0; i + 1 < chunks.size(); ++i) CHECK(chunks[i + 1] - chunks[i] == 4 + kEnvelopeChunkBytes + 17);
  const auto& o = opened(open_envelope(e, key));
  CHECK(o.submission.application_json == R"({"a":[1,2,{"b":true,"z":null}]})");
  REQUIRE(o.submission.attachments.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(o.submission.attachments[i].name == files[i].name);
    CHECK(o.submission.attachments[i].type == files[i].type);
    CHECK(o.submission.attachments[i].bytes == files[i].bytes);
  }
}

TEST_CASE("the checked-in vectors open to their expected content", "[envelope]") {
  const auto text = read_text(std::string(MADOGUCHI_SOURCE_DIR) + "/crypto/test-vectors/envelope-v1.json");
  REQUIRE_FALSE(text.empty());
  const auto doc = boost::json::parse(text).as_object();
  WardKeyPair key;
  const auto secret = unhex(std::string(doc.at("ward_secret_key").as_string()));
  REQUIRE(secret.size() == 32);
  std::copy(secret.begin(), secret.end(), key.secret_key.data());
  crypto_scalarmult_base(key.public_key.bytes.data(), key.secret_key.data());
  key.public_key.key_id = key_id_of(key.public_key.bytes);
  CHECK(hex(Bytes(key.public_key.bytes.begin(), key.public_key.bytes.end())) ==
        std::string(doc.at("ward_public_key").as_string()));
  CHECK(key.public_key.key_id == std::string(doc.at("key_id").as_string()));

  const auto& vectors = doc.at("vectors").as_array();
  REQUIRE(vectors.size() == 3);
  const auto cases = vector_cases();
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    const auto& v = vectors[i].as_object();
    INFO("vector " << v.at("name").as_string().c_str());
    const auto& o = opened(open_envelope(unhex(std::string(v.at("envelope").as_string())), key));
    const auto& expect = v.at("expected").as_object();
    CHECK(o.header.created == std::string(expect.at("created").as_string()));
    CHECK(o.header.submission_id == std::string(expect.at("submission_id").as_string()));
    CHECK(o.submission.procedure == std::string(expect.at("procedure").as_string()));
    CHECK(o.submission.application_json == std::string(expect.at("application").as_string()));
    Bytes reply(32);
    std::size_t reply_len = 0;
    const auto& reply_b64 = expect.at("reply_key").as_string();
    REQUIRE(sodium_base642bin(reply.data(), 32, reply_b64.data(), reply_b64.size(), nullptr, &reply_len, nullptr,
                              sodium_base64_VARIANT_ORIGINAL) == 0);
    CHECK(Bytes(o.submission.reply_key.begin(), o.submission.reply_key.end()) == reply);
    const auto& atts = expect.at("attachments").as_array();
    REQUIRE(o.submission.attachments.size() == atts.size());
    for (std::size_t j = 0; j < atts.size(); ++j) {
      const auto& a = atts[j].as_object();
      CHECK(o.submission.attachments[j].name == std::string(a.at("name").as_string()));
      CHECK(o.submission.attachments[j].type == std::string(a.at("type").as_string()));
      CHECK(o.submission.attachments[j].bytes.size() == static_cast<std::size_t>(a.at("size").as_int64()));
      CHECK(sha256_hex(o.submission.attachments[j].bytes) == std::string(a.at("sha256").as_string()));
      CHECK(o.submission.attachments[j].bytes == cases[i].submission.attachments[j].bytes);
    }
  }
}

TEST_CASE("flipping any single byte is detected", "[envelope]") {
  const auto key = seeded_key_pair(1);
  const auto e =
      seal_envelope(sample(R"({"note":"flip me"})", {{"a.bin", "application/octet-stream", pattern(70000, 5)}}),
                    key.public_key, kSubmissionId, kCreated);
  const std::size_t header_end = prefix_size(e) - 104, prefix = prefix_size(e);
  const auto chunks = chunk_offsets(e);
  REQUIRE(chunks.size() == 2);
  std::set<std::size_t> positions;
  for (std::size_t i = 0; i < prefix; ++i) positions.insert(i);  // every clear byte, sealed key and stream header
  for (auto c : chunks)
    for (std::size_t i = 0; i < 4 + 40; ++i) positions.insert(c + i);       // lengths, the first ciphertext bytes
  for (std::size_t i = prefix; i < e.size(); i += 97) positions.insert(i);  // sampled ciphertext
  positions.insert(e.size() - 1);                                           // the last tag byte
  for (std::size_t pos : positions) {
    INFO("byte " << pos);
    Bytes bad = e;
    bad[pos] ^= 0x01;
    const Code c = code_of(open_envelope(bad, key));
    const bool length_prefix =
        std::any_of(chunks.begin(), chunks.end(), [&](auto o) { return pos >= o && pos < o + 4; });
    if (pos < 4) {
      CHECK(c == Code::Malformed);  // magic
    } else if (pos < header_end) {
      // The clear header: a broken form, another version, another key id, or (still well formed) chunk 0's AD.
      CHECK((c == Code::Malformed || c == Code::UnsupportedVersion || c == Code::WrongKey || c == Code::Tampered ||
             c == Code::TooLarge));
    } else if (length_prefix) {
      // A changed chunk length moves the boundary: the tag no longer verifies, or the chunk runs past the end.
      CHECK((c == Code::Tampered || c == Code::Malformed || c == Code::Truncated || c == Code::TooLarge));
    } else {
      CHECK(c == Code::Tampered);  // sealed key, stream header, ciphertext, tags
    }
  }
}

TEST_CASE("reordered or dropped chunks are detected", "[envelope]") {
  const auto key = seeded_key_pair(1);
  const auto e =
      seal_envelope(sample("{}", {{"big", "x/y", pattern(200000, 1)}}), key.public_key, kSubmissionId, kCreated);
  const auto c = chunk_offsets(e);
  REQUIRE(c.size() == 4);
  // Swap chunks 1 and 2 (both full size), then drop chunk 2.
  Bytes swapped(e.begin(), e.begin() + static_cast<std::ptrdiff_t>(c[1]));
  swapped.insert(swapped.end(), e.begin() + static_cast<std::ptrdiff_t>(c[2]),
                 e.begin() + static_cast<std::ptrdiff_t>(c[3]));
  swapped.insert(swapped.end(), e.begin() + static_cast<std::ptrdiff_t>(c[1]),
                 e.begin() + static_cast<std::ptrdiff_t>(c[2]));
  swapped.insert(swapped.end(), e.begin() + static_cast<std::ptrdiff_t>(c[3]), e.end());
  CHECK(code_of(open_envelope(swapped, key)) == Code::Tampered);
  Bytes dropped(e.begin(), e.begin() + static_cast<std::ptrdiff_t>(c[2]));
  dropped.insert(dropped.end(), e.begin() + static_cast<std::ptrdiff_t>(c[3]), e.end());
  CHECK(code_of(open_envelope(dropped, key)) == Code::Tampered);
}

TEST_CASE("a truncated envelope is reported, and bytes after the final chunk too", "[envelope]") {
  const auto key = seeded_key_pair(1);
  const auto e = seal_envelope(sample("{}", {{"a", "b", pattern(100000, 4)}}), key.public_key, kSubmissionId, kCreated);
  std::set<std::size_t> cuts;
  for (std::size_t i = 0; i < prefix_size(e) + 8; ++i) cuts.insert(i);
  for (std::size_t i = prefix_size(e); i < e.size(); i += 251) cuts.insert(i);
  for (auto c : chunk_offsets(e)) cuts.insert(c);  // exactly at chunk boundaries: no FINAL tag seen
  cuts.insert(e.size() - 1);
  for (std::size_t cut : cuts) {
    INFO("cut at " << cut);
    const Code c = code_of(open_envelope(std::span(e.data(), cut), key));
    CHECK((c == Code::Truncated || c == Code::Malformed));
  }
  for (auto c : chunk_offsets(e))
    if (c > prefix_size(e)) CHECK(code_of(open_envelope(std::span(e.data(), c), key)) == Code::Truncated);

  for (std::size_t extra : {1u, 4u, 100u}) {
    Bytes longer = e;
    longer.resize(e.size() + extra, 0x5a);
    CHECK(code_of(open_envelope(longer, key)) == Code::TrailingData);
  }
  Bytes twice = e;  // a second copy of the last chunk after FINAL
  const auto last = chunk_offsets(e).back();
  twice.insert(twice.end(), e.begin() + static_cast<std::ptrdiff_t>(last), e.end());
  CHECK(code_of(open_envelope(twice, key)) == Code::TrailingData);
}

TEST_CASE("another ward's key is refused by key id; a forged key id does not help", "[envelope]") {
  const auto ward_a = seeded_key_pair(1), ward_b = seeded_key_pair(2);
  REQUIRE(ward_a.public_key.key_id != ward_b.public_key.key_id);
  const auto e = seal_envelope(sample(R"({"x":1})"), ward_a.public_key, kSubmissionId, kCreated);
  const auto wrong = open_envelope(e, ward_b);
  CHECK(code_of(wrong) == Code::WrongKey);
  CHECK(std::get<EnvelopeError>(wrong).detail.find(ward_a.public_key.key_id) != std::string::npos);

  // Relabel the envelope with B's key id: B gets past the routing check but cannot open the sealed key.
  Bytes forged = e;
  const std::string a_id = ward_a.public_key.key_id, b_id = ward_b.public_key.key_id;
  auto at = std::search(forged.begin(), forged.end(), a_id.begin(), a_id.end());
  REQUIRE(at != forged.end());
  std::copy(b_id.begin(), b_id.end(), at);
  CHECK(std::get<EnvelopeHeader>(read_envelope_header(forged)).key_id == b_id);
  CHECK(code_of(open_envelope(forged, ward_b)) == Code::Tampered);
  CHECK(code_of(open_envelope(forged, ward_a)) == Code::WrongKey);
}

TEST_CASE("padding hides the size within a bucket", "[envelope]") {
  // The bucket formula: ceil256(4096 * 2^(k/4)), increasing, each at most ~19% (+256 B rounding) above the last.
  CHECK(envelope_size_bucket(0) == 4096);
  CHECK(envelope_size_bucket(4096) == 4096);
  CHECK(envelope_size_bucket(4097) == 5120);  // 4096 * 2^0.25 = 4871 -> 5120
  CHECK(envelope_size_bucket(5121) == 5888);  // 4096 * 2^0.5 = 5793 -> 5888
  CHECK(envelope_size_bucket(5889) == 6912);  // 4096 * 2^0.75 = 6889 -> 6912
  CHECK(envelope_size_bucket(6913) == 8192);
  CHECK(envelope_size_bucket(kEnvelopeMaxBytes) == kEnvelopeMaxBytes);  // 4096 * 2^13 is itself a bucket
  std::size_t previous = 0;
  for (int k = 0; k <= 52; ++k) {
    const double exact = 4096.0 * std::pow(2.0, k / 4.0);
    const std::size_t b = envelope_size_bucket(static_cast<std::size_t>(std::ceil(exact)));
    INFO("k=" << k);
    CHECK(b % 256 == 0);
    CHECK(static_cast<double>(b) >= exact);
    CHECK(static_cast<double>(b) < exact + 256);
    CHECK(b > previous);
    CHECK(envelope_size_bucket(b) == b);
    CHECK(envelope_size_bucket(previous + 1) == b);
    previous = b;
  }
  for (std::size_t n = 4096; n < 4u << 20; n = n * 5 / 4 + 77)
    CHECK(static_cast<double>(envelope_size_bucket(n)) <= static_cast<double>(n) * 1.19 + 256);

  const auto key = seeded_key_pair(1);
  const std::string small = R"({"t":")" + std::string(100, 'a') + R"("})";
  const std::string larger = R"({"t":")" + std::string(3000, 'a') + R"("})";
  const auto e1 = seal_envelope(sample(small), key.public_key, kSubmissionId, kCreated);
  const auto e2 = seal_envelope(sample(larger), key.public_key, kSubmissionId, kCreated);
  CHECK(e1.size() == e2.size());
  // One 4096-byte chunk: the envelope is the clear prefix, one length, the bucket and one tag.
  CHECK(e1.size() == prefix_size(e1) + 4 + 4096 + 17);
  const auto e3 =
      seal_envelope(sample("{}", {{"f", "t", pattern(100000, 1)}}), key.public_key, kSubmissionId, kCreated);
  const std::size_t bucket = envelope_size_bucket(100000 + 1);
  CHECK(e3.size() == prefix_size(e3) + chunk_offsets(e3).size() * 21 + bucket);
}

TEST_CASE("the clear bytes carry no procedure, file name or application text", "[envelope]") {
  const auto key = seeded_key_pair(1);
  const std::string secret_text = "Unique-Application-Text-7731";
  auto s =
      sample(R"({"memo":")" + secret_text + R"("})", {{"my-passport-scan.pdf", "application/pdf", pattern(300, 1)}});
  s.procedure = "zairyu-card-renewal";
  const auto e = seal_envelope(s, key.public_key, kSubmissionId, kCreated);
  const auto header = std::get<EnvelopeHeader>(read_envelope_header(e));
  CHECK(header.submission_id == kSubmissionId);
  for (std::string_view needle : {std::string_view("zairyu"), std::string_view("passport"),
                                  std::string_view("application/pdf"), std::string_view(secret_text)})
    CHECK_FALSE(contains(e, needle));
  const std::string clear(e.begin(), e.begin() + static_cast<std::ptrdiff_t>(prefix_size(e) - 104));
  CHECK(clear == std::string("MDG1") + '\0' + char(clear.size() - 6) +
                     R"({"created":"2026-11-23T09:30:00Z","key_id":")" + key.public_key.key_id +
                     R"(","submission_id":"01JDQ7Z8K3M4N5P6Q7R8S9T0VW","v":1})");
}

TEST_CASE("error details never quote the application or key bytes", "[envelope]") {
  const auto key = seeded_key_pair(1);
  const std::string secret_text = "Resident-Secret-Memo-4242";
  const auto e = seal_envelope(sample(R"({"memo":")" + secret_text + R"("})"), key.public_key, kSubmissionId, kCreated);
  std::vector<std::string> details;
  for (std::size_t pos = 0; pos < e.size(); pos += 7) {
    Bytes bad = e;
    bad[pos] ^= 0x20;
    details.push_back(std::get<EnvelopeError>(open_envelope(bad, key)).detail);
    details.push_back(std::get<EnvelopeError>(open_envelope(std::span(e.data(), pos), key)).detail);
  }
  details.push_back(std::get<EnvelopeError>(open_envelope(e, seeded_key_pair(2))).detail);
  Bytes secret_hex(64 + 1);
  sodium_bin2hex(reinterpret_cast<char*>(secret_hex.data()), secret_hex.size(), key.secret_key.data(), 32);
  const std::string sk_hex(secret_hex.begin(), secret_hex.end() - 1);
  for (const auto& d : details) {
    CHECK_FALSE(d.empty());
    CHECK(d.find(secret_text) == std::string::npos);
    CHECK(d.find("memo") == std::string::npos);
    CHECK(d.find(sk_hex.substr(0, 16)) == std::string::npos);
  }
  try {
    seal_envelope(sample(R"({"memo":")" + secret_text + R"(" broken)"), key.public_key, kSubmissionId, kCreated);
    FAIL("sealing invalid JSON must throw");
  } catch (const std::invalid_argument& ex) {
    CHECK(std::string(ex.what()).find(secret_text) == std::string::npos);
  }
  CHECK_THROWS_AS(seal_envelope(sample("[1,2]"), key.public_key, kSubmissionId, kCreated), std::invalid_argument);
  CHECK_THROWS_AS(seal_envelope(sample("{}"), key.public_key, "not-an-id", kCreated), std::invalid_argument);
  CHECK_THROWS_AS(seal_envelope(sample("{}"), key.public_key, kSubmissionId, "2026-02-30T00:00:00Z"),
                  std::invalid_argument);
}

TEST_CASE("read_envelope_header accepts only the canonical v1 header", "[envelope]") {
  const std::string good = R"({"created":"2026-11-23T09:30:00Z","key_id":"0123456789abcdef","submission_id":")" +
                           std::string(kSubmissionId) + R"(","v":1})";
  const auto ok = read_envelope_header(with_header(good));
  REQUIRE(std::holds_alternative<EnvelopeHeader>(ok));
  CHECK(std::get<EnvelopeHeader>(ok).key_id == "0123456789abcdef");
  auto code = [](const Bytes& e) {
    const auto r = read_envelope_header(e);
    REQUIRE(std::holds_alternative<EnvelopeError>(r));
    return std::get<EnvelopeError>(r).code;
  };
  auto replaced = [&](std::string_view from, std::string_view to) {
    std::string s = good;
    s.replace(s.find(from), from.size(), to);
    return with_header(s);
  };
  CHECK(code(replaced("{\"created\"", "{ \"created\"")) == Code::Malformed);  // whitespace
  CHECK(code(replaced("\":\"2026", "\": \"2026")) == Code::Malformed);
  CHECK(code(replaced(",\"v\":1}", ",\"v\":1}\n")) == Code::Malformed);
  CHECK(code(replaced(",\"v\":1}", ",\"v\":1,\"procedure\":\"x\"}")) == Code::Malformed);  // extra field
  CHECK(code(replaced("{\"created\"", "{\"a\":0,\"created\"")) == Code::Malformed);
  CHECK(code(with_header(R"({"key_id":"0123456789abcdef","created":"2026-11-23T09:30:00Z","submission_id":")" +
                         std::string(kSubmissionId) + R"(","v":1})")) == Code::Malformed);  // key order
  CHECK(code(replaced("0123456789abcdef", "0123456789ABCDEF")) == Code::Malformed);
  CHECK(code(replaced("0123456789abcdef", "0123456789abcde")) == Code::Malformed);
  CHECK(code(replaced("\"created\"", "\"cr\\u0065ated\"")) == Code::Malformed);  // needless escape
  CHECK(code(replaced("2026-11-23T09:30:00Z", "2026-11-23T09:30:00+09:00")) == Code::Malformed);
  CHECK(code(replaced("2026-11-23T09:30:00Z", "2026-13-23T09:30:00Z")) == Code::Malformed);
  CHECK(code(replaced(kSubmissionId, "01JDQ7Z8K3M4N5P6Q7R8S9T0VU")) == Code::Malformed);  // U is not Crockford
  CHECK(code(replaced(kSubmissionId, "81JDQ7Z8K3M4N5P6Q7R8S9T0VW")) == Code::Malformed);  // over 128 bits
  CHECK(code(replaced(kSubmissionId, "01jdq7z8k3m4n5p6q7r8s9t0vw")) == Code::Malformed);  // lowercase
  CHECK(code(replaced("\"v\":1", "\"v\":01")) == Code::Malformed);
  CHECK(code(replaced("\"v\":1", "\"v\":\"1\"")) == Code::Malformed);
  CHECK(code(replaced("\"v\":1", "\"v\":2")) == Code::UnsupportedVersion);
  CHECK(code(with_header(R"({"future":true,"v":3})")) == Code::UnsupportedVersion);
  Bytes bad_magic = with_header(good);
  bad_magic[3] = '2';
  CHECK(code(bad_magic) == Code::Malformed);
  CHECK(code(with_header(std::string(1025, ' '))) == Code::TooLarge);
  CHECK(code(Bytes{'M', 'D', 'G'}) == Code::Truncated);
  Bytes short_header = with_header(good);
  short_header.resize(6 + good.size() - 1);
  CHECK(code(short_header) == Code::Truncated);
}

TEST_CASE("submission ids are 26 Crockford base32 characters from 16 random bytes", "[envelope]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const auto id = new_submission_id();
    REQUIRE(id.size() == 26);
    CHECK(id[0] <= '7');
    CHECK(id.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ") == std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 50);
  const auto k = generate_ward_key_pair();
  CHECK(k.public_key.key_id.size() == 16);
  CHECK(k.public_key.key_id.find_first_not_of("0123456789abcdef") == std::string::npos);
  unsigned char hash[32];
  crypto_generichash(hash, 32, k.public_key.bytes.data(), 32, nullptr, 0);
  CHECK(k.public_key.key_id == hex(Bytes(hash, hash + 8)));
}

// Run by hand (`unit_tests "[.generate]"`) to print crypto/test-vectors/envelope-v1.json anew.
TEST_CASE("print the envelope v1 known-answer vectors", "[.generate]") {
  const auto key = seeded_key_pair(1);
  boost::json::array vectors;
  const char* ids[] = {"01JDQ80000000000000000VEC1", "01JDQ80000000000000000VEC2", "01JDQ80000000000000000VEC3"};
  int n = 0;
  for (auto& c : vector_cases()) {
    const auto e = seal_envelope(c.submission, key.public_key, ids[n++], kCreated);
    boost::json::array atts;
    for (const auto& a : c.submission.attachments)
      atts.push_back({{"name", a.name}, {"type", a.type}, {"size", a.bytes.size()}, {"sha256", sha256_hex(a.bytes)}});
    char reply[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(reply, sizeof reply, c.submission.reply_key.data(), 32, sodium_base64_VARIANT_ORIGINAL);
    vectors.push_back({{"name", c.name},
                       {"expected",
                        {{"created", kCreated},
                         {"submission_id", ids[n - 1]},
                         {"procedure", c.submission.procedure},
                         {"application", canonical(c.submission.application_json)},
                         {"reply_key", reply},
                         {"attachments", atts}}},
                       {"envelope", hex(e)}});
  }
  Bytes sk(key.secret_key.data(), key.secret_key.data() + 32);
  boost::json::object doc{
      {"about",
       "Envelope v1 known answers: open each envelope with ward_secret_key and compare with expected. "
       "Attachment bytes are pattern(size, salt) from tests/unit/envelope_test.cpp. Test key: not secret."},
      {"ward_secret_key", hex(sk)},
      {"ward_public_key", hex(Bytes(key.public_key.bytes.begin(), key.public_key.bytes.end()))},
      {"key_id", key.public_key.key_id},
      {"vectors", vectors}};
  std::cout << boost::json::serialize(doc) << "\n";
}

TEST_CASE("content that is valid JSON but not an object is refused, not misread", "[envelope]") {
  // Found by tests/fuzz/envelope_content_fuzz: a JSON string before the object passed the canonical check.
  REQUIRE(ensure_sodium());
  for (std::string content : {std::string(R"("application")"), std::string("5"), std::string("[]"), std::string("null")}) {
    const std::size_t bucket = envelope_size_bucket(content.size() + 1);
    Bytes plain(content.begin(), content.end());
    plain.resize(bucket);
    std::size_t padded = 0;
    REQUIRE(sodium_pad(&padded, plain.data(), content.size(), bucket, bucket) == 0);
    Submission out;
    const auto problem = read_envelope_plaintext(plain, out);
    REQUIRE(problem);
    CHECK(problem->code == EnvelopeError::Malformed);
    CHECK(problem->detail == "content is not a JSON object");
  }
}
