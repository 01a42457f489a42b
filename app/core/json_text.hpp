// Parses JSON text from outside (a file, a download) without exceptions, locating a syntax error
// by line and column so the message can point at it.
#pragma once
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

}  // namespace madoguchi
