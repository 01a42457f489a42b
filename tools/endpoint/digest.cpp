// SHA-256 and constant-time comparison, both from libsodium.
#include "digest.hpp"

#include <sodium.h>

namespace madoguchi::endpoint {

Digest sha256(std::string_view bytes) {
    Digest out{};
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return out;
}

bool digests_equal(const Digest& a, const Digest& b) { return sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

}  // namespace madoguchi::endpoint
