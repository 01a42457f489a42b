// Parses JSON text from outside (a file, a download) without exceptions, locating a syntax error
// by line and column so the message can point at it; and reads its string members leniently.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

struct JsonSyntaxError {
  int line = 1, column = 1;
  std::string what;
};

struct ParsedJson {
  boost::json::value value;
  std::optional<JsonSyntaxError> error;
};

ParsedJson parse_json_text(std::string_view text);

// The string member `key` of `object`, or "" when it is missing or not a string: for answers from
// elsewhere whose optional fields are read leniently.
std::string string_member(const boost::json::object& object, std::string_view key);

}  // namespace madoguchi
