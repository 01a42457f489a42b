// Public key files are checked strictly (exact fields, a real date, a key id that is the key's own):
// they are hand-copied between folders, and a mistake here means residents seal to the wrong key.
#include "public_key_file.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/civil_date.hpp"
#include "core/json_text.hpp"
#include "crypto/ward_key_file.hpp"

namespace madoguchi::keygen {
namespace {

namespace json = boost::json;

std::string quoted(std::string_view s) { return json::serialize(json::string_view(s.data(), s.size())); }

}  // namespace

std::string public_key_file_text(const PublicKeyFile& file) {
  return "{\n  \"key_id\": " + quoted(file.key.key_id) + ",\n  \"public_key\": " +
         quoted(crypto::public_key_base64(file.key)) + ",\n  \"created\": " + quoted(file.created) +
         ",\n  \"label\": " + quoted(file.label) + "\n}\n";
}

std::variant<PublicKeyFile, std::string> parse_public_key_file(std::string_view text, std::string_view file_name) {
  auto parsed = parse_json_text(text);
  if (parsed.error)
    return "line " + std::to_string(parsed.error->line) + ", column " + std::to_string(parsed.error->column) +
           ": not JSON (" + parsed.error->what + ")";
  const json::object* o = parsed.value.if_object();
  if (!o) return std::string("expected a JSON object with key_id, public_key, created and label");
  for (const auto& field : *o)
    if (field.key() != "key_id" && field.key() != "public_key" && field.key() != "created" && field.key() != "label")
      return "unknown field \"" + std::string(field.key()) + "\": a public key file has only key_id, public_key, created and label";
  std::string values[4];
  const char* names[4] = {"key_id", "public_key", "created", "label"};
  for (int i = 0; i < 4; ++i) {
    const json::value* v = o->if_contains(names[i]);
    if (!v || !v->is_string()) return std::string(names[i]) + ": missing or not a string";
    values[i] = std::string(v->get_string());
  }
  auto key = crypto::public_key_from_base64(values[1]);
  if (!key) return "public_key: expected standard base64 of 32 bytes (44 characters ending in '=')";
  if (values[0] != key->key_id)
    return "key_id: " + values[0] + " is not the key id of public_key (" + key->key_id +
           "): copy the file again from the folder where madoguchi-keygen made it, rather than editing it";
  if (!CivilDate::parse_iso(values[2])) return "created: expected a date as YYYY-MM-DD, e.g. 2026-04-01";
  if (file_name != key->key_id + ".json")
    return "the file name must be the key id: rename it to " + key->key_id + ".json";
  return PublicKeyFile{std::move(*key), values[2], values[3]};
}

std::string key_list_json(std::vector<PublicKeyFile> keys) {
  std::sort(keys.begin(), keys.end(), [](const PublicKeyFile& a, const PublicKeyFile& b) {
    return a.created != b.created ? a.created > b.created : a.key.key_id < b.key.key_id;
  });
  std::string out = "{\"keys\":[";
  for (std::size_t i = 0; i < keys.size(); ++i)
    out += (i ? ",{\"key_id\":" : "{\"key_id\":") + quoted(keys[i].key.key_id) + ",\"public_key\":" +
           quoted(crypto::public_key_base64(keys[i].key)) + "}";
  return out + "]}\n";
}

}  // namespace madoguchi::keygen
