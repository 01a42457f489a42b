// One opened submission as staff keep it: submission.json in its own folder, beside its attachments.
// The CSV export and replies to the resident read it back.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace madoguchi::inbox {

struct SavedAttachment {
  std::string name, type, file, sha256;  // file: relative to the submission's folder
  std::uint64_t size = 0;
};

struct SavedSubmission {
  std::string receipt, submission_id, procedure, created, received, corrects, key_id;
  std::array<std::uint8_t, 32> reply_key{};
  std::string application_json;  // as it came out of the envelope: read it with read_application_json
  std::vector<SavedAttachment> attachments;
};

// Pretty JSON, keys in a fixed order, so staff (and diff) can read it.
std::string saved_submission_json(const SavedSubmission& saved);

// nullopt with `error` set when the file is not one this inbox wrote.
std::optional<SavedSubmission> read_saved_submission(const std::filesystem::path& file, std::string& error);

}  // namespace madoguchi::inbox
