// Attached files as device records and as envelope attachments.
#include "attached_files.hpp"

#include <boost/json.hpp>
#include <sodium.h>

#include <cstdio>
#include <stdexcept>

#include "crypto/byte_text.hpp"
#include "crypto/sodium_runtime.hpp"
#include "json_text.hpp"

namespace madoguchi {
namespace {

namespace json = boost::json;

constexpr const char* kFileRecordFormat = "madoguchi-file/1";

bool allowed_type(std::string_view type) { return type == "image/jpeg" || type == "application/pdf"; }

// Attachment fields at `prefix` of `fields`, with the accepted value of each, into `out`.
void seal_fields(const std::vector<FieldSpec>& fields, const std::string& prefix, const FormValues& accepted,
                 const AttachedFiles& files, AttachmentsToSeal& out) {
  for (const auto& spec : fields) {
    const std::string path = prefix + spec.id;
    if (spec.kind == FieldKind::Group) {
      const int count = accepted.item_count(path);
      for (int i = 0; i < count; ++i)
        seal_fields(spec.fields, path + "[" + std::to_string(i) + "].", accepted, files, out);
      continue;
    }
    if (spec.kind != FieldKind::Attachment) continue;
    const auto value = accepted.get(path);
    if (!value) continue;
    const AttachedFile* file = attached_file(files, *value);
    if (!file) {
      out.answers.set(path, "");
      continue;
    }
    std::string name = sealed_attachment_name(path, file->type);
    out.answers.set(path, name);
    out.bytes += file->bytes.size();
    out.attachments.push_back({std::move(name), file->type, file->bytes});
  }
}

}  // namespace

bool is_file_id(std::string_view text) {
  if (text.size() != 32) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string new_file_id() {
  if (!crypto::ensure_sodium()) throw std::runtime_error("libsodium could not be initialised");
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::string file_record_text(const AttachedFile& file) {
  json::object o{{"format", kFileRecordFormat}, {"id", file.id},   {"name", file.name},
                 {"type", file.type},           {"width", file.width}, {"height", file.height},
                 {"bytes", crypto::to_base64(file.bytes)}};
  return json::serialize(o);
}

std::optional<AttachedFile> read_file_record(std::string_view id, std::string_view text) {
  const ParsedJson parsed = parse_json_text(text);
  const auto* o = parsed.error ? nullptr : parsed.value.if_object();
  if (!o || string_member(*o, "format") != kFileRecordFormat) return std::nullopt;
  AttachedFile file;
  file.id = string_member(*o, "id");
  file.name = string_member(*o, "name");
  file.type = string_member(*o, "type");
  if (file.id != id || !is_file_id(file.id) || !allowed_type(file.type)) return std::nullopt;
  const auto* w = o->if_contains("width");
  const auto* h = o->if_contains("height");
  file.width = w && w->is_int64() ? static_cast<int>(w->as_int64()) : 0;
  file.height = h && h->is_int64() ? static_cast<int>(h->as_int64()) : 0;
  auto bytes = crypto::from_base64(string_member(*o, "bytes"));
  if (!bytes || bytes->empty() || bytes->size() > kAttachmentMaxBytes) return std::nullopt;
  file.bytes = std::move(*bytes);
  file.record = std::string(text);
  return file;
}

std::shared_ptr<const AttachedFile> keep_file(AttachedFile file) {
  file.record = file_record_text(file);
  return std::make_shared<const AttachedFile>(std::move(file));
}

const AttachedFile* attached_file(const AttachedFiles& files, std::string_view value) {
  auto it = files.find(value);
  return it == files.end() ? nullptr : it->second.get();
}

std::string sealed_attachment_name(std::string_view field_path, std::string_view type) {
  std::string name;
  for (char c : field_path) {
    if (c == '[' || c == '.') {
      if (!name.empty() && name.back() != '-') name += '-';
    } else if (c != ']') {
      name += c;
    }
  }
  return name + (type == "application/pdf" ? ".pdf" : ".jpg");
}

AttachmentsToSeal attachments_to_seal(const FormSpec& form, const FormValues& accepted, const AttachedFiles& files) {
  AttachmentsToSeal out;
  out.answers = accepted;
  seal_fields(form.fields, "", accepted, files, out);
  return out;
}

std::string file_size_text(std::size_t bytes) {
  char text[32];
  if (bytes < 1000 * 1000) std::snprintf(text, sizeof text, "%zu KB", (bytes + 999) / 1000);
  else std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

}  // namespace madoguchi
