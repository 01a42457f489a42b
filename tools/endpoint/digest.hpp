// SHA-256 for what the endpoint stores instead of secrets (status and staff tokens) and for comparing
// envelopes, and a comparison that takes the same time wherever two digests differ.
#pragma once

#include "store.hpp"

#include <string_view>

namespace madoguchi::endpoint {

Digest sha256(std::string_view bytes);

// Constant time (sodium_memcmp), so a guessed token learns nothing from how long the answer took.
bool digests_equal(const Digest& a, const Digest& b);

}  // namespace madoguchi::endpoint
