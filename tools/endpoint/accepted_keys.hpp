// The ward keys this endpoint accepts submissions for, read once from --keys FILE (the site's keys.json
// form): POSTed envelopes must name one of them, and GET /api/v1/keys lists them for the app.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::endpoint {

struct AcceptedKey {
    std::string key_id;      // 16 lowercase hex, checked against the public key
    std::string public_key;  // standard base64 of 32 bytes, as in the file
};

struct AcceptedKeys {
    std::vector<AcceptedKey> keys;  // in the file's order: the app takes the first one it has pinned

    bool accepts(std::string_view key_id) const;
};

// Parses {"keys":[{"key_id":"…","public_key":"…"},…]}; other fields are ignored. Throws
// std::runtime_error naming the file and the entry when it cannot be read, is not that form, or a
// key_id is not its public key's.
AcceptedKeys parse_accepted_keys(std::string_view json_text, const std::string& source);
AcceptedKeys load_accepted_keys(const std::filesystem::path& file);

}  // namespace madoguchi::endpoint
