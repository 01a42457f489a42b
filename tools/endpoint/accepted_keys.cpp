// Reading and checking the --keys file. A key id is recomputed from each public key, so a typo in the
// file stops the server at start instead of refusing every resident's envelope later.
#include "accepted_keys.hpp"

#include "crypto/ward_keys.hpp"

#include <boost/json.hpp>
#include <sodium.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace madoguchi::endpoint {

namespace json = boost::json;

bool AcceptedKeys::accepts(std::string_view key_id) const {
    for (const auto& key : keys)
        if (key.key_id == key_id) return true;
    return false;
}

AcceptedKeys parse_accepted_keys(std::string_view json_text, const std::string& source) {
    const auto fail = [&](const std::string& what) {
        return std::runtime_error("--keys " + source + ": " + what +
                                  "; it must look like {\"keys\":[{\"key_id\":\"…\",\"public_key\":\"…\"}]}");
    };
    json::error_code ec;
    const json::value doc = json::parse(json_text, ec);
    if (ec) throw fail("not valid JSON (" + ec.message() + ")");
    const auto* root = doc.if_object();
    const auto* list = root && root->contains("keys") ? root->at("keys").if_array() : nullptr;
    if (!list) throw fail("no \"keys\" array");
    AcceptedKeys accepted;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string where = "keys[" + std::to_string(i) + "]";
        const auto* entry = (*list)[i].if_object();
        const auto* key_id = entry && entry->contains("key_id") ? entry->at("key_id").if_string() : nullptr;
        const auto* public_key = entry && entry->contains("public_key") ? entry->at("public_key").if_string() : nullptr;
        if (!key_id || !public_key) throw fail(where + " lacks the strings key_id and public_key");
        std::array<std::uint8_t, 32> bytes{};
        std::size_t length = 0;
        const char* end = nullptr;
        if (sodium_base642bin(bytes.data(), bytes.size(), public_key->data(), public_key->size(), nullptr, &length,
                              &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
            length != bytes.size() || end != public_key->data() + public_key->size()) {
            throw fail(where + ".public_key is not standard base64 of 32 bytes");
        }
        const std::string computed = crypto::key_id_of(bytes);
        if (computed != std::string_view(*key_id)) {
            throw fail(where + ".key_id is " + std::string(*key_id) + " but its public key's id is " + computed);
        }
        accepted.keys.push_back({computed, std::string(*public_key)});
    }
    return accepted;
}

AcceptedKeys load_accepted_keys(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("--keys " + file.string() + ": cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_accepted_keys(text.str(), file.string());
}

}  // namespace madoguchi::endpoint
