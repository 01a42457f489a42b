// The device's IndexedDB, C++ side (web/device_store.js holds the page side). Implements:
//  - open: every stored record (sealed blobs by id) and the device key, unwrapped by the browser
//  - keep_device_key: a new device key, wrapped by a non-extractable browser key before it is stored
//  - commit: writes and removals of records in one transaction
// Errors come back as the DOMException's name ("QuotaExceededError", "InvalidStateError", ...).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crypto/secret_bytes.hpp"

namespace madoguchi::platform {

struct StoredRecords {
  std::string error;                           // empty when the store opened
  std::optional<crypto::SecretBytes> key;      // none on a first visit (or when the browser lost it)
  std::map<std::string, std::vector<std::uint8_t>> records;
};

void storage_open(std::function<void(StoredRecords)> done);
void storage_keep_device_key(const crypto::SecretBytes& key, std::function<void(std::string error)> done);
void storage_commit(const std::vector<std::pair<std::string, std::vector<std::uint8_t>>>& writes,
                    const std::vector<std::string>& removes, std::function<void(std::string error)> done);

}  // namespace madoguchi::platform
