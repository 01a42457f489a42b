// Test-only helper for the endpoint's node tests: makes ward key pairs and real Envelope v1 files with
// crypto/'s own seal_envelope, so the tests upload exactly what the app sends.
//   make_envelope keypair                                  one JSON line: key_id, public_key, secret_key
//   make_envelope seal PUBLIC_KEY DIR COUNT [ATTACH_BYTES]  DIR/0.mdg … DIR/COUNT-1.mdg, one JSON line each
//   make_envelope seal-application PUBLIC_KEY PROCEDURE APPLICATION_FILE OUT [ATTACHMENT_FILE]
//                                                          one envelope of that application, one JSON line
#include "crypto/envelope.hpp"
#include "../unit/bytes_text.hpp"
#include "crypto/sodium_runtime.hpp"
#include "crypto/ward_keys.hpp"

#include <sodium.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

using namespace madoguchi::crypto;

namespace {

using test_bytes::base64;

std::string now_utc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

int keypair() {
    const WardKeyPair pair = generate_ward_key_pair();
    std::cout << "{\"key_id\":\"" << pair.public_key.key_id << "\",\"public_key\":\""
              << base64(pair.public_key.bytes.data(), 32) << "\",\"secret_key\":\""
              << base64(pair.secret_key.data(), pair.secret_key.size()) << "\"}\n";
    return 0;
}

bool read_public_key(const std::string& text, WardPublicKey& key) {
    std::size_t length = 0;
    if (sodium_base642bin(key.bytes.data(), key.bytes.size(), text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length != 32) {
        std::cerr << "make_envelope: PUBLIC_KEY is not base64 of 32 bytes\n";
        return false;
    }
    key.key_id = key_id_of(key.bytes);
    return true;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_envelope(const std::filesystem::path& file, const Submission& submission, const WardPublicKey& key) {
    const std::string id = new_submission_id();
    const auto envelope = seal_envelope(submission, key, id, now_utc());
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(envelope.data()), static_cast<std::streamsize>(envelope.size()));
    std::cout << "{\"file\":\"" << file.string() << "\",\"submission_id\":\"" << id << "\",\"reply_key\":\""
              << base64(submission.reply_key.data(), 32) << "\",\"size\":" << envelope.size() << "}\n";
}

int seal(const std::string& public_key_text, const std::filesystem::path& dir, int count, std::size_t attach_bytes) {
    WardPublicKey key;
    if (!read_public_key(public_key_text, key)) return 2;
    std::filesystem::create_directories(dir);
    for (int i = 0; i < count; ++i) {
        Submission submission;
        submission.procedure = "juminhyo-copy";
        submission.application_json = "{\"copies\":" + std::to_string(i + 1) + "}";
        randombytes_buf(submission.reply_key.data(), submission.reply_key.size());
        if (attach_bytes > 0) {
            std::vector<std::uint8_t> bytes(attach_bytes);
            for (std::size_t b = 0; b < bytes.size(); ++b) bytes[b] = static_cast<std::uint8_t>(b * 31 + i);
            submission.attachments.push_back({"scan.pdf", "application/pdf", std::move(bytes)});
        }
        write_envelope(dir / (std::to_string(i) + ".mdg"), submission, key);
    }
    return 0;
}

int seal_application(const std::string& public_key_text, const std::string& procedure,
                     const std::filesystem::path& application, const std::filesystem::path& out,
                     const std::filesystem::path& attachment) {
    WardPublicKey key;
    if (!read_public_key(public_key_text, key)) return 2;
    Submission submission;
    submission.procedure = procedure;
    submission.application_json = read_file(application);
    randombytes_buf(submission.reply_key.data(), submission.reply_key.size());
    if (!attachment.empty()) {
        const std::string bytes = read_file(attachment);
        submission.attachments.push_back({attachment.filename().string(), "image/jpeg", {bytes.begin(), bytes.end()}});
    }
    write_envelope(out, submission, key);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (!ensure_sodium()) return 1;
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "keypair" && argc == 2) return keypair();
    if (command == "seal" && (argc == 5 || argc == 6)) {
        return seal(argv[2], argv[3], std::stoi(argv[4]), argc == 6 ? std::stoul(argv[5]) : 0);
    }
    if (command == "seal-application" && (argc == 6 || argc == 7))
        return seal_application(argv[2], argv[3], argv[4], argv[5], argc == 7 ? argv[6] : "");
    std::cerr << "usage: make_envelope keypair | make_envelope seal PUBLIC_KEY DIR COUNT [ATTACH_BYTES]\n"
                 "       make_envelope seal-application PUBLIC_KEY PROCEDURE APPLICATION_FILE OUT [ATTACHMENT_FILE]\n";
    return 2;
}
