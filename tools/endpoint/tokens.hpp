// Status tokens (made on the resident's device) and staff tokens (made by add-staff-token): 32 random
// bytes as 43 characters of base64url without padding. The server keeps only their SHA-256.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::endpoint {

inline constexpr std::size_t kTokenChars = 43;

// True for exactly 43 base64url characters that decode to 32 bytes (the last one's spare bits zero).
bool is_token(std::string_view text);

// A fresh token from libsodium's random generator.
std::string new_token();

// The token of an "Authorization: Bearer <token>" value (scheme case-insensitive), or nothing.
std::optional<std::string_view> bearer_token(std::string_view authorization);

}  // namespace madoguchi::endpoint
