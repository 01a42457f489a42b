// A staff member's answer to one resident: find the filed submission, seal the note to its reply key.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

#include "saved_submission.hpp"

namespace madoguchi::inbox {

// OUT/<procedure>/<RECEIPT>/submission.json for a receipt typed in any case; throws std::runtime_error
// saying to run fetch first when it is not there.
SavedSubmission find_saved_submission(const std::filesystem::path& out, const std::string& receipt);

// Base64 of crypto_box_seal({"status":…,"text":…}) to the resident's reply key, as the staff API takes it.
std::string seal_resident_reply(const std::array<std::uint8_t, 32>& reply_key, const std::string& status,
                                const std::string& text);

}  // namespace madoguchi::inbox
