// The ward key a submission is sealed to: one pinned in the app's own keys.json and listed by the
// server's GET /api/v1/keys. The server can withdraw a key but never introduce one.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crypto/ward_keys.hpp"

namespace madoguchi {

struct KeyListError {
  std::string detail;  // a JSON path and what is wrong there, for the developer console
};

// {"keys":[{"key_id":"<16 hex>","public_key":"<base64 of 32 bytes>"},…]}, the form of both the site's
// keys.json and the server's answer, in its order. Other fields are ignored so a later server may add
// some; an entry whose key_id is not its public key's makes the whole list unreadable.
std::variant<std::vector<crypto::WardPublicKey>, KeyListError> parse_key_list(std::string_view json_text);

struct NoSealKey {
  enum Reason { NothingPinned, ServerAnswerUnreadable, NoPinnedKeyListed } reason;
  std::string detail;  // key ids and what went wrong, for the developer console
  // The resident's message for every reason: sending is not safe now, the draft is kept, try later or
  // go to the counter.
  static constexpr std::string_view kMessageKey = "send.error.no_trusted_key";
};

// The first key of the server's answer that is pinned (same key id and same 32 bytes), as pinned.
std::variant<crypto::WardPublicKey, NoSealKey> choose_seal_key(const std::vector<crypto::WardPublicKey>& pinned,
                                                               std::string_view server_answer);

}  // namespace madoguchi
