// submission.json: written once per opened submission, read back for the CSV export and replies.
#include "saved_submission.hpp"

#include "crypto/byte_text.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "core/json_text.hpp"

namespace madoguchi::inbox {

namespace json = boost::json;

namespace {

// Boost.JSON 1.81 has no pretty printer; staff open these files in an editor.
void write_pretty(const json::value& v, std::string& out, int depth) {
  const std::string pad(static_cast<std::size_t>(depth + 1) * 2, ' '), end_pad(static_cast<std::size_t>(depth) * 2, ' ');
  if (const auto* o = v.if_object(); o && !o->empty()) {
    out += "{\n";
    std::size_t i = 0;
    for (const auto& [key, value] : *o) {
      out += pad + json::serialize(json::string_view(key)) + ": ";
      write_pretty(value, out, depth + 1);
      out += ++i < o->size() ? ",\n" : "\n";
    }
    out += end_pad + "}";
  } else if (const auto* a = v.if_array(); a && !a->empty()) {
    out += "[\n";
    for (std::size_t i = 0; i < a->size(); ++i) {
      out += pad;
      write_pretty((*a)[i], out, depth + 1);
      out += i + 1 < a->size() ? ",\n" : "\n";
    }
    out += end_pad + "]";
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string saved_submission_json(const SavedSubmission& s) {
  json::array attachments;
  for (const auto& a : s.attachments)
    attachments.push_back(json::object{
        {"name", a.name}, {"type", a.type}, {"file", a.file}, {"size", a.size}, {"sha256", a.sha256}});
  json::object root{{"receipt", s.receipt},
                    {"submission_id", s.submission_id},
                    {"procedure", s.procedure},
                    {"created", s.created},
                    {"received", s.received},
                    {"corrects", s.corrects.empty() ? json::value(nullptr) : json::value(s.corrects)},
                    {"key_id", s.key_id},
                    {"reply_key", crypto::to_base64(s.reply_key)},
                    {"application", json::parse(s.application_json)},
                    {"attachments", std::move(attachments)}};
  std::string out;
  write_pretty(root, out, 0);
  out += '\n';
  return out;
}

std::optional<SavedSubmission> read_saved_submission(const std::filesystem::path& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    error = file.string() + ": cannot be read";
    return std::nullopt;
  }
  ParsedJson parsed = parse_json_text(text.str());
  const json::object* o = parsed.error ? nullptr : parsed.value.if_object();
  const json::value* application = o ? o->if_contains("application") : nullptr;
  const json::value* attachments = o ? o->if_contains("attachments") : nullptr;
  SavedSubmission s;
  const std::string reply = o ? string_member(*o, "reply_key") : std::string();
  if (!application || !application->is_object() || !attachments || !attachments->is_array() ||
      string_member(*o, "receipt").empty() || string_member(*o, "procedure").empty() ||
      !crypto::from_base64(reply, s.reply_key)) {
    error = file.string() + ": not a submission.json written by madoguchi-inbox (receipt, procedure, reply_key, "
                            "application or attachments missing or malformed)";
    return std::nullopt;
  }
  s.receipt = string_member(*o, "receipt");
  s.submission_id = string_member(*o, "submission_id");
  s.procedure = string_member(*o, "procedure");
  s.created = string_member(*o, "created");
  s.received = string_member(*o, "received");
  s.corrects = string_member(*o, "corrects");
  s.key_id = string_member(*o, "key_id");
  s.application_json = json::serialize(*application);
  for (const auto& item : attachments->get_array()) {
    const json::object* a = item.if_object();
    if (!a) continue;
    const json::value* size = a->if_contains("size");
    json::error_code ec;
    const std::uint64_t bytes = size ? size->to_number<std::uint64_t>(ec) : 0;
    s.attachments.push_back({string_member(*a, "name"), string_member(*a, "type"), string_member(*a, "file"), string_member(*a, "sha256"),
                             ec ? 0 : bytes});
  }
  return s;
}

}  // namespace madoguchi::inbox
