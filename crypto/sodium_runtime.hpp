// libsodium must be initialised once before any use; this does it, from any thread, and reports failure.
#pragma once

namespace madoguchi::crypto {

// True when libsodium is ready; false only if the platform has no secure randomness.
bool ensure_sodium();

}  // namespace madoguchi::crypto
