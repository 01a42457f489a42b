// Reading and checking the --keys file. A key id is recomputed from each public key, so a typo in the
// file stops the server at start instead of refusing every resident's envelope later.
#include "accepted_keys.hpp"

#include "core/pinned_keys.hpp"
#include "crypto/ward_key_file.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace madoguchi::endpoint {

bool AcceptedKeys::accepts(std::string_view key_id) const {
    for (const auto& key : keys)
        if (key.key_id == key_id) return true;
    return false;
}

// The same reader as the app's (app/core/pinned_keys.hpp), so the two never disagree on the format.
AcceptedKeys parse_accepted_keys(std::string_view json_text, const std::string& source) {
    auto parsed = parse_key_list(json_text);
    if (const auto* e = std::get_if<KeyListError>(&parsed)) {
        throw std::runtime_error("--keys " + source + ": " + e->detail +
                                 "; it must look like {\"keys\":[{\"key_id\":\"…\",\"public_key\":\"…\"}]}");
    }
    AcceptedKeys accepted;
    for (const auto& key : std::get<std::vector<crypto::WardPublicKey>>(parsed))
        accepted.keys.push_back({key.key_id, crypto::public_key_base64(key)});
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
