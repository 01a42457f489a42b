// Bytes as the text that key files, envelopes, the API and the inbox write them in: standard base64
// (with '=') and lowercase hex, with libsodium's codecs; and the SHA-256 hex that names an attachment.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace madoguchi::crypto {

std::string to_base64(std::span<const std::uint8_t> bytes);

// True when `text` is exactly the standard base64 of out.size() bytes (padding included, nothing else).
bool from_base64(std::string_view text, std::span<std::uint8_t> out);

std::string to_hex(std::span<const std::uint8_t> bytes);

std::string sha256_hex(std::span<const std::uint8_t> bytes);

}  // namespace madoguchi::crypto
