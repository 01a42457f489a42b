// Parses the endpoint's status JSON (tools/endpoint/openapi.yaml) and opens each note with crypto_box_seal_open.
#include "application_status.hpp"

#include <boost/json.hpp>

#include "crypto/byte_text.hpp"
#include "crypto/reply_message.hpp"
#include "json_text.hpp"

namespace madoguchi {
namespace {

const std::string_view kStatuses[] = {"new", "received", "reviewing", "correction_requested", "completed", "rejected"};

bool known_status(std::string_view s) {
  for (auto k : kStatuses)
    if (k == s) return true;
  return false;
}

WardNote open_note(const boost::json::object& m, const crypto::WardKeyPair& key) {
  WardNote note{string_member(m, "sent"), {}, {}};
  const auto sealed = crypto::from_base64(string_member(m, "sealed"));
  const auto opened = sealed && sealed->size() > 48 && sealed->size() <= crypto::kReplyMaxPlaintextBytes + 48
                          ? crypto::open_reply(*sealed, key.public_key.bytes, key.secret_key)
                          : std::nullopt;
  if (!opened) return note;  // text stays empty: the screen says it could not be read
  const ParsedJson parsed = parse_json_text(std::string_view(reinterpret_cast<const char*>(opened->data()), opened->size()));
  const auto* content = parsed.error ? nullptr : parsed.value.if_object();
  if (!content) return note;
  note.status = string_member(*content, "status");
  note.text = string_member(*content, "text");
  return note;
}

}  // namespace

std::span<const std::string_view> application_statuses() { return kStatuses; }

StatusAnswer read_status_answer(int http_status, std::string_view body, const crypto::WardKeyPair& reply_key) {
  if (http_status == 0) return {{}, {}, "status.error.offline"};
  if (http_status == 404) return {{}, {}, "status.error.not_found"};
  if (http_status != 200) return {{}, {}, "status.error.server"};
  const ParsedJson parsed = parse_json_text(body);
  const auto* root = parsed.error ? nullptr : parsed.value.if_object();
  if (!root || !known_status(string_member(*root, "status"))) return {{}, {}, "status.error.server"};
  StatusAnswer out{string_member(*root, "status"), {}, {}};
  if (const auto* messages = root->if_contains("messages"); messages && messages->is_array())
    for (const auto& m : messages->as_array())
      if (m.is_object()) out.notes.push_back(open_note(m.as_object(), reply_key));
  return out;
}

}  // namespace madoguchi
