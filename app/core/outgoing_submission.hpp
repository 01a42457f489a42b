// An application leaving the device: sealed to the ward's key with a fresh reply key pair and status
// token, and the endpoint's answer to it read as what the resident is told.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/envelope.hpp"
#include "crypto/ward_keys.hpp"

namespace madoguchi {

struct SealedApplication {
  std::vector<std::uint8_t> envelope;  // the body of POST /api/v1/submissions
  std::string submission_id;
  std::string status_token;       // sent as Madoguchi-Status-Token; later proves the device may read the status
  crypto::WardKeyPair reply_key;  // the ward's notes are sealed to its public half; the secret never leaves
};

// Throws what seal_envelope throws (std::length_error when it would pass the envelope limit).
SealedApplication seal_application(std::string_view procedure_id, std::string application_json,
                                   const crypto::WardPublicKey& ward_key, std::string_view created_utc,
                                   std::vector<crypto::Attachment> attachments = {});

struct SendAnswer {
  std::optional<std::string> receipt;  // set when the endpoint holds the application
  std::string message_key;             // otherwise what the resident reads ("send.error.*")
  std::map<std::string, std::string> params;
  // No answer the device could use (no network, busy, a server error, an unreadable 2xx): the same bytes
  // may be sent again later, and the endpoint keeps one copy. Otherwise a refusal that a retry repeats.
  bool retry = false;
};

// The endpoint's answer to the POST: status 0 means no answer reached the device (offline, timed out).
SendAnswer read_send_answer(int http_status, std::string_view body);

// What the device keeps of a sent application to read its status and the ward's notes after a reload: the
// status token and the reply key pair, as the text of the device record "keys/<receipt>" (sealed at rest).
inline constexpr const char* kSentKeysRecordPrefix = "keys/";
std::string sent_keys_text(const SealedApplication& sent);
// The token and reply key back (the envelope stays empty), or nullopt for a text this version cannot read.
std::optional<SealedApplication> read_sent_keys(std::string_view text);

}  // namespace madoguchi
