// Photos and files a resident attaches to a form: each kept beside the drafts that name it (an
// attachment field's value is the file's id), on the device as a record of its own, and sealed with
// the application under a name that says which field it answers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/envelope.hpp"
#include "form_fields.hpp"

namespace madoguchi {

struct AttachedFile {
  std::string id;    // 32 lowercase hex, random: the field's value, and the device record "file/<id>"
  std::string name;  // as the phone named it ("IMG_2034.jpg"): what the resident recognises
  std::string type;  // "image/jpeg" (a photo, made smaller on the device) or "application/pdf"
  int width = 0, height = 0;  // a photo's pixels as kept
  std::vector<std::uint8_t> bytes;
  // The device record's text (file_record_text), made once: every save compares records, and encoding
  // megabytes of photo on each keystroke would cost more than keeping the text.
  std::string record;
};
using AttachedFiles = std::map<std::string, std::shared_ptr<const AttachedFile>, std::less<>>;

// A PDF is kept as picked; a photo, made smaller, is far below this.
inline constexpr std::size_t kAttachmentMaxBytes = 10u * 1024 * 1024;
// Every attachment of one application together: the envelope (32 MB) keeps room for the answers.
inline constexpr std::size_t kApplicationAttachmentsMaxBytes = 30u * 1024 * 1024;
inline constexpr const char* kFileRecordPrefix = "file/";

bool is_file_id(std::string_view text);
std::string new_file_id();

// The text of the record "file/<id>" (its bytes as base64), and back; nullopt for a text this version
// cannot read or one that is not the file `id`.
std::string file_record_text(const AttachedFile& file);
std::optional<AttachedFile> read_file_record(std::string_view id, std::string_view text);

// A new file, its record made, as it is kept from then on.
std::shared_ptr<const AttachedFile> keep_file(AttachedFile file);

// The file a field's value names, if this device has it.
const AttachedFile* attached_file(const AttachedFiles& files, std::string_view value);

// "members-1-residence_card.jpg" for the path "members[1].residence_card": the ward's inbox saves each
// attachment under this name, and the answers name it.
std::string sealed_attachment_name(std::string_view field_path, std::string_view type);

struct AttachmentsToSeal {
  FormValues answers;  // the accepted answers, each attachment field's file id replaced by its sealed name
  std::vector<crypto::Attachment> attachments;
  std::size_t bytes = 0;  // of all attachments together
};

// What leaves the device with a checked form's `accepted` answers. An attachment field whose file is
// not on this device is left out (check_form would not have accepted the form without it when required).
AttachmentsToSeal attachments_to_seal(const FormSpec& form, const FormValues& accepted, const AttachedFiles& files);

// "245 KB", "1.2 MB": a file's size as a resident reads it.
std::string file_size_text(std::size_t bytes);

}  // namespace madoguchi
