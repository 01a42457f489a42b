// Parsing the key lists and picking the seal key. The public key bytes decide; the key id in the
// list must agree with them, so a list cannot pair a pinned key's id with other bytes.
#include "pinned_keys.hpp"

#include <boost/json.hpp>

#include "crypto/ward_key_file.hpp"
#include "json_text.hpp"

namespace madoguchi {
namespace {

namespace json = boost::json;

std::string key_ids(const std::vector<crypto::WardPublicKey>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k.key_id;
  return out.empty() ? "none" : out;
}

}  // namespace

std::variant<std::vector<crypto::WardPublicKey>, KeyListError> parse_key_list(std::string_view json_text) {
  auto parsed = parse_json_text(json_text);
  if (parsed.error)
    return KeyListError{"line " + std::to_string(parsed.error->line) + ", column " +
                        std::to_string(parsed.error->column) + ": " + parsed.error->what};
  const json::object* root = parsed.value.if_object();
  const json::value* keys = root ? root->if_contains("keys") : nullptr;
  if (!keys || !keys->is_array()) return KeyListError{"$.keys: expected an array of keys"};
  std::vector<crypto::WardPublicKey> out;
  for (std::size_t i = 0; i < keys->get_array().size(); ++i) {
    const std::string where = "$.keys[" + std::to_string(i) + "]";
    const json::object* entry = keys->get_array()[i].if_object();
    if (!entry) return KeyListError{where + ": expected an object with key_id and public_key"};
    const json::value* id = entry->if_contains("key_id");
    const json::value* pk = entry->if_contains("public_key");
    if (!id || !id->is_string()) return KeyListError{where + ".key_id: expected a string"};
    if (!pk || !pk->is_string()) return KeyListError{where + ".public_key: expected a string"};
    auto key = crypto::public_key_from_base64(std::string_view(pk->get_string()));
    if (!key) return KeyListError{where + ".public_key: expected base64 of 32 bytes"};
    if (key->key_id != id->get_string())
      return KeyListError{where + ".key_id: " + std::string(id->get_string()) + " is not the key id of its public key (" +
                          key->key_id + ")"};
    out.push_back(std::move(*key));
  }
  return out;
}

std::variant<crypto::WardPublicKey, NoSealKey> choose_seal_key(const std::vector<crypto::WardPublicKey>& pinned,
                                                               std::string_view server_answer) {
  if (pinned.empty()) return NoSealKey{NoSealKey::NothingPinned, "this build of the app pins no ward key"};
  auto listed = parse_key_list(server_answer);
  if (auto* e = std::get_if<KeyListError>(&listed))
    return NoSealKey{NoSealKey::ServerAnswerUnreadable, "the server's key list is unreadable: " + e->detail};
  const auto& server_keys = std::get<std::vector<crypto::WardPublicKey>>(listed);
  for (const auto& offered : server_keys)
    for (const auto& mine : pinned)
      if (offered.key_id == mine.key_id && offered.bytes == mine.bytes) return mine;
  return NoSealKey{NoSealKey::NoPinnedKeyListed,
                   "the server lists " + key_ids(server_keys) + "; this app pins " + key_ids(pinned)};
}

}  // namespace madoguchi
