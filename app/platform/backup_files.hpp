// The resident's backup file in the browser. Implements:
//  - sealing the records into a backup file (crypto/backup_file) and offering it as a download
//  - the browser's file picker (<input type=file>) for a backup to restore, read into memory
//  - opening a picked file with its passphrase, each failure as the message the resident reads
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/navigation.hpp"

namespace madoguchi::platform {

// Answers BackupMade or BackupFailed. `records` hold secret keys: the caller wipes them.
Action save_backup_file(const std::map<std::string, std::string>& records, const std::string& passphrase);

// The picker opens inside the resident's tap; `picked` gets BackupFileChosen once a file is read, and
// nothing when the picker is closed without one.
void pick_backup_file(std::function<void(Action)> picked);

// The backup's contents (secret: wipe them once read), or BackupFailed saying why not.
std::variant<std::string, BackupFailed> open_backup_file(const std::vector<std::uint8_t>& file,
                                                          const std::string& passphrase);

}  // namespace madoguchi::platform
