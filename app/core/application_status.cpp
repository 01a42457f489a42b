// Parses the endpoint's status JSON (tools/endpoint/openapi.yaml) and opens each note with crypto_box_seal_open.
#include "application_status.hpp"

#include <boost/json.hpp>

#include "crypto/byte_text.hpp"
#include "crypto/reply_message.hpp"

namespace madoguchi {
namespace {

const std::string_view kStatuses[] = {"new", "received", "reviewing", "correction_requested", "completed", "rejected"};

bool known_status(std::string_view s) {
  for (auto k : kStatuses)
    if (k == s) return true;
  return false;
}

std::string string_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The sealed bytes of a note (standard base64 with padding); empty when it is not that.
std::vector<std::uint8_t> sealed_bytes(const std::string& base64) {
  if (base64.empty() || base64.size() % 4 != 0) return {};
  std::size_t n = base64.size() / 4 * 3;
  if (base64.ends_with("==")) n -= 2;
  else if (base64.ends_with("=")) n -= 1;
  std::vector<std::uint8_t> out(n);
  if (!crypto::from_base64(base64, out)) return {};
  return out;
}

WardNote open_note(const boost::json::object& m, const crypto::WardKeyPair& key) {
  WardNote note{string_at(m, "sent"), {}, {}};
  const auto sealed = sealed_bytes(string_at(m, "sealed"));
  const auto opened = sealed.size() > 48 && sealed.size() <= crypto::kReplyMaxPlaintextBytes + 48
                          ? crypto::open_reply(sealed, key.public_key.bytes, key.secret_key)
                          : std::nullopt;
  if (!opened) return note;  // text stays empty: the screen says it could not be read
  boost::system::error_code ec;
  const auto v = boost::json::parse(std::string_view(reinterpret_cast<const char*>(opened->data()), opened->size()), ec);
  if (ec || !v.is_object()) return note;
  note.status = string_at(v.as_object(), "status");
  note.text = string_at(v.as_object(), "text");
  return note;
}

}  // namespace

StatusAnswer read_status_answer(int http_status, std::string_view body, const crypto::WardKeyPair& reply_key) {
  if (http_status == 0) return {{}, {}, "status.error.offline"};
  if (http_status == 404) return {{}, {}, "status.error.not_found"};
  if (http_status != 200) return {{}, {}, "status.error.server"};
  boost::system::error_code ec;
  const auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !known_status(string_at(v.as_object(), "status"))) return {{}, {}, "status.error.server"};
  StatusAnswer out{string_at(v.as_object(), "status"), {}, {}};
  if (const auto* messages = v.as_object().if_contains("messages"); messages && messages->is_array())
    for (const auto& m : messages->as_array())
      if (m.is_object()) out.notes.push_back(open_note(m.as_object(), reply_key));
  return out;
}

}  // namespace madoguchi
