// Seals one application in the browser for the outbox (outbox_sender.hpp sends it) and reads the status of
// the ones the endpoint holds. Implements:
//  - the pinned key list, loaded once with the app (a later keys.json is a new app version)
//  - GET api/v1/keys before each seal, so a withdrawn key is not used when the endpoint can say so
//  - GET api/v1/submissions/{receipt}/status with that token, the ward's notes opened with that key
//  - those tokens and keys as device records, so status and notes still open after a reload
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/navigation.hpp"
#include "core/outgoing_submission.hpp"

namespace madoguchi::platform {

// The site's keys.json as fetched with the app; an empty or unreadable one leaves nothing pinned and
// every send refused with send.error.no_trusted_key.
void set_pinned_keys(const std::string& keys_json);

// Seals the application to the ward's key on the device and answers with ApplicationSealed (for the
// outbox to send) or SubmissionFailed when it cannot be sealed safely.
void seal_for_outbox(const std::string& draft_id, std::string application_json,
                     std::vector<crypto::Attachment> attachments, std::function<void(Action)> done);

// The endpoint holds this application: keep its status token and reply key to read its status later.
void remember_sent(const std::string& receipt, const SealedApplication& sealed);

// Answers with StatusChecked or StatusCheckFailed.
void check_status(const std::string& receipt, std::function<void(Action)> done);

// Each sent application's status token and reply key pair, as device records "keys/<receipt>" (text to be
// sealed), and back from them after a reload: returns the ids of records that could not be read.
std::map<std::string, std::string> sent_key_records();
std::vector<std::string> restore_sent_keys(const std::map<std::string, std::string>& records);

}  // namespace madoguchi::platform
