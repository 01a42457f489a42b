// What the endpoint says about a sent application, read on the device: its status, and the ward's
// notes opened with the reply key that only this device holds (the endpoint stores them sealed).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/ward_keys.hpp"
#include "navigation.hpp"

namespace madoguchi {

struct StatusAnswer {
  std::string status;  // new, received, reviewing, correction_requested, completed, rejected; empty on failure
  std::vector<WardNote> notes;  // oldest first
  std::string message_key;      // on failure: what the resident reads ("status.error.*")
};

// Every status the endpoint may report; each has a "status.<code>" message (tools/i18n-lint checks).
std::span<const std::string_view> application_statuses();

// The answer to GET api/v1/submissions/{receipt}/status (0: no answer reached the device). A note that
// does not open with this key pair is shown as unreadable rather than dropped.
StatusAnswer read_status_answer(int http_status, std::string_view body, const crypto::WardKeyPair& reply_key);

}  // namespace madoguchi
