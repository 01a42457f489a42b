// The ward's public key file (assets/keys/<key_id>.json) and the site's keys.json made from such
// files; formats in assets/keys/README.md.
#pragma once
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "crypto/ward_keys.hpp"

namespace madoguchi::keygen {

struct PublicKeyFile {
  crypto::WardPublicKey key;
  std::string created;  // YYYY-MM-DD
  std::string label;
};

std::string public_key_file_text(const PublicKeyFile& file);

// The file's key, or what is wrong with it and how to fix it. `file_name` (e.g. "79427074a56e3988.json")
// must be the key id with ".json".
std::variant<PublicKeyFile, std::string> parse_public_key_file(std::string_view text, std::string_view file_name);

// {"keys":[{"key_id","public_key"},…]}: newest `created` first, then by key id so the output is stable.
std::string key_list_json(std::vector<PublicKeyFile> keys);

}  // namespace madoguchi::keygen
