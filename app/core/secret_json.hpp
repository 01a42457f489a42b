// JSON that holds secrets (a reply secret key, a status token, the records a backup carries), written
// and read so that the JSON library's own copies of its strings are wiped, not only freed.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "json_text.hpp"

namespace madoguchi {

// Zeroes every string in `v`, at any depth. Member names are the format's, not secrets, and stay.
void wipe_json_strings(boost::json::value& v);

// The text of `o`, whose strings are wiped once it is written. The text is the caller's to wipe.
std::string serialize_secret_json(boost::json::object o);

// JSON text parsed for reading; every string in it is wiped when this goes, whatever path the reader
// returns by.
class SecretJson {
 public:
  explicit SecretJson(std::string_view text) : parsed_(parse_json_text(text)) {}
  ~SecretJson() { wipe_json_strings(parsed_.value); }
  SecretJson(const SecretJson&) = delete;
  SecretJson& operator=(const SecretJson&) = delete;

  // The object the text holds, or null when it is not valid JSON or not an object.
  boost::json::object* object() { return parsed_.error ? nullptr : parsed_.value.if_object(); }

 private:
  ParsedJson parsed_;
};

}  // namespace madoguchi
