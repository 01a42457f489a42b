// Bytes as the text that key files, envelopes, the API and the inbox write them in: standard base64
// (with '=') and lowercase hex, with libsodium's codecs; and the SHA-256 hex that names an attachment.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::crypto {

std::string to_base64(std::span<const std::uint8_t> bytes);

// True when `text` is exactly the standard base64 of out.size() bytes (padding included, nothing else).
bool from_base64(std::string_view text, std::span<std::uint8_t> out);

// The bytes of `text` when it is standard base64 (padding included, nothing else) of any length.
std::optional<std::vector<std::uint8_t>> from_base64(std::string_view text);

std::string to_hex(std::span<const std::uint8_t> bytes);

std::string sha256_hex(std::span<const std::uint8_t> bytes);

}  // namespace madoguchi::crypto
