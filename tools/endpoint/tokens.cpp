// Token format checks and generation with libsodium's base64url codec and random generator.
#include "tokens.hpp"

#include "crypto/sodium_runtime.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace madoguchi::endpoint {

bool is_token(std::string_view text) {
    if (text.size() != kTokenChars) return false;
    std::array<unsigned char, 32> bytes{};
    std::size_t length = 0;
    const char* end = nullptr;
    // libsodium refuses non-zero spare bits in the last character, so each token has one spelling.
    const bool ok = sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end,
                                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
                    length == bytes.size() && end == text.data() + text.size();
    sodium_memzero(bytes.data(), bytes.size());
    return ok;
}

std::string new_token() {
    if (!crypto::ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    char text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes.data(), bytes.size());
    std::string token(text);
    sodium_memzero(text, sizeof text);
    return token;
}

std::optional<std::string_view> bearer_token(std::string_view authorization) {
    constexpr std::string_view kScheme = "bearer ";
    if (authorization.size() <= kScheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        const char c = authorization[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != kScheme[i]) return std::nullopt;
    }
    std::string_view token = authorization.substr(kScheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    if (token.empty()) return std::nullopt;
    return token;
}

}  // namespace madoguchi::endpoint
