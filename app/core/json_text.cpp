// Boost.JSON's stream parser reports how far it got, which gives the line and column of an error.
#include "json_text.hpp"

#include <boost/json/stream_parser.hpp>

namespace madoguchi {

ParsedJson parse_json_text(std::string_view text) {
  ParsedJson out;
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (!ec) {
    out.value = parser.release();
    return out;
  }
  JsonSyntaxError err;
  err.what = ec.message();
  for (std::size_t i = 0; i < consumed && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++err.line;
      err.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // count characters, not UTF-8 bytes
      ++err.column;
    }
  }
  out.error = err;
  return out;
}

std::string string_member(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace madoguchi
