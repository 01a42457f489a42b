// JSON holding secrets: every string zeroed in place at any depth, the text the same as plain
// serializing gives, and parsed text read as before.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include "core/secret_json.hpp"

using namespace madoguchi;
namespace json = boost::json;

TEST_CASE("secret JSON: every string is zeroed where it lies, at any depth, and nothing else changes", "[secret-json]") {
  json::value v = json::parse(R"({"key":"c2VjcmV0IGtleQ==","records":{"sent-keys:A":"{\"token\":\"t\"}"},
                                  "list":["short",{"deep":"longer than a small string"}],"attempts":3})");
  wipe_json_strings(v);
  const json::object& o = v.as_object();
  CHECK(o.at("key").as_string() == std::string(16, '\0'));
  CHECK(o.at("records").at("sent-keys:A").as_string() == std::string(13, '\0'));
  CHECK(o.at("list").at(0).as_string() == std::string(5, '\0'));
  CHECK(o.at("list").at(1).at("deep").as_string() == std::string(26, '\0'));
  CHECK(o.at("attempts").as_int64() == 3);
  CHECK(o.contains("records"));
}

TEST_CASE("secret JSON: the text written is the object's JSON, and text read back gives its members", "[secret-json]") {
  const json::object o{{"format", "madoguchi-sent-keys/1"}, {"reply_secret_key", "c2VjcmV0"}, {"n", 2}};
  const std::string text = serialize_secret_json(o);
  CHECK(text == json::serialize(o));

  SecretJson parsed(text);
  REQUIRE(parsed.object());
  CHECK(string_member(*parsed.object(), "reply_secret_key") == "c2VjcmV0");
  for (const char* not_an_object : {"", "[1,2]", "\"text\"", "{\"format\":"}) {
    SecretJson other(not_an_object);
    CHECK(other.object() == nullptr);
  }
}
