// sodium_init() is idempotent and thread-safe; calling it through one function keeps that in one place.
#include "sodium_runtime.hpp"

#include <sodium.h>

namespace madoguchi::crypto {

bool ensure_sodium() { return sodium_init() >= 0; }

}  // namespace madoguchi::crypto
