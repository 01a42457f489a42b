// Sends one application from the browser: picks the ward key (pinned in the site's keys.json and listed by
// the endpoint), seals on the device, POSTs the envelope, and answers with the navigation action that
// tells the resident the outcome. Implements:
//  - the pinned key list, loaded once with the app (a later keys.json is a new app version)
//  - GET api/v1/keys before each send, so a withdrawn key is never used
//  - POST api/v1/submissions with the status token; the reply key pair and token stay in this tab's memory
//  - GET api/v1/submissions/{receipt}/status with that token, the ward's notes opened with that key
//  - those tokens and keys as device records, so status and notes still open after a reload
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/navigation.hpp"

namespace madoguchi::platform {

// The site's keys.json as fetched with the app; an empty or unreadable one leaves nothing pinned and
// every send refused with send.error.no_trusted_key.
void set_pinned_keys(const std::string& keys_json);

// `corrects`: the receipt this application corrects (sent as Madoguchi-Corrects), or empty.
void send_application(const std::string& procedure_id, std::string application_json, const std::string& corrects,
                      std::function<void(Action)> done);

// Answers with StatusChecked or StatusCheckFailed.
void check_status(const std::string& receipt, std::function<void(Action)> done);

// Each sent application's status token and reply key pair, as device records "keys/<receipt>" (text to be
// sealed), and back from them after a reload: returns the ids of records that could not be read.
std::map<std::string, std::string> sent_key_records();
std::vector<std::string> restore_sent_keys(const std::map<std::string, std::string>& records);

}  // namespace madoguchi::platform
