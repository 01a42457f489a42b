// Boost.JSON frees its strings without clearing them, so each one is zeroed in place first.
#include "secret_json.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>

namespace madoguchi {

void wipe_json_strings(boost::json::value& v) {
  if (auto* s = v.if_string()) {
    sodium_memzero(s->data(), s->size());
  } else if (auto* a = v.if_array()) {
    for (auto& item : *a) wipe_json_strings(item);
  } else if (auto* o = v.if_object()) {
    for (auto& member : *o) wipe_json_strings(member.value());
  }
}

std::string serialize_secret_json(boost::json::object o) {
  boost::json::value v(std::move(o));
  std::string text = boost::json::serialize(v);
  wipe_json_strings(v);
  return text;
}

}  // namespace madoguchi
