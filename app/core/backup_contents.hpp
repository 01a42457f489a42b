// What a backup file holds (crypto/backup_file seals it under the resident's passphrase): the device
// records of every draft, application waiting in the outbox and sent application with its reply key,
// and how a restored file joins what a device already has without replacing anything on it.
#pragma once
#include <map>
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "navigation.hpp"

namespace madoguchi {

// The file's plaintext from the device's records (core/device_records plus the platform's "keys/<receipt>").
// The session record stays out: a screen and a language belong to the device they were on. The result
// holds reply secret keys: wipe it once sealed.
std::string backup_contents(const std::map<std::string, std::string>& records, std::string_view made_at);

struct BackupRestore {
  bool ok = false;  // false: the text is not a backup's contents (a newer format, or not Madoguchi's)
  int drafts = 0, queued = 0, sent = 0;  // what this device did not have and now has
  // "keys/<receipt>" of the sent applications added, for the platform's status checks. Secret: wipe after use.
  std::map<std::string, std::string> key_records;
};

// Zeroes every text of `texts`: records and their keys hold reply secret keys.
void wipe_texts(std::map<std::string, std::string>& texts);

// Adds what the backup has and `nav` lacks. A draft whose id is taken by a different draft here comes
// in beside it as another draft of its procedure (the two may be different people's); one with the
// same answers is already here. Applications waiting in the outbox join by submission id, sent ones by
// receipt, so restoring the same file twice adds nothing the second time.
BackupRestore restore_backup_contents(Navigation& nav, const Catalog& catalog, std::string_view text);

}  // namespace madoguchi
