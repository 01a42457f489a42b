// A bearer secret the device makes for one submission (its status token): 32 random bytes as 43
// characters of unpadded URL-safe base64, the one spelling the endpoint accepts.
#pragma once
#include <string>

namespace madoguchi::crypto {

// Throws std::runtime_error if libsodium cannot start.
std::string new_random_token();

}  // namespace madoguchi::crypto
