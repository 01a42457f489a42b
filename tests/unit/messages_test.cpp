// The UI's words: every language file loads, lookups fall back to Japanese, placeholders fill in.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using madoguchi::Messages;

TEST_CASE("the shipped message files load and define the same keys", "[messages]") {
  Messages m = fixtures::real_messages();
  CHECK(m.languages() == std::vector<std::string>{"en", "ja", "ja-x-easy"});
  for (const char* key : {"home.heading", "nav.back", "deadline.within_days", "procedure.fee_yen"})
    for (const char* lang : {"ja", "en", "ja-x-easy"}) CHECK(m.get(lang, key) != key);
  CHECK(m.get("en", "home.heading") == "What happened?");
}

TEST_CASE("a missing message falls back to Japanese, then shows its key", "[messages]") {
  Messages m;
  REQUIRE(m.load("ja", R"({"format": "madoguchi-messages/1", "language": "ja", "messages": {"a": "あ", "b": "び"}})").empty());
  REQUIRE(m.load("en", R"({"format": "madoguchi-messages/1", "language": "en", "messages": {"a": "A"}})").empty());
  CHECK(m.get("en", "a") == "A");
  CHECK(m.get("en", "b") == "び");
  CHECK(m.get("en", "missing.key") == "missing.key");
}

TEST_CASE("placeholders are filled by name and unknown ones are left visible", "[messages]") {
  Messages m;
  REQUIRE(m.load("en", R"({"format": "madoguchi-messages/1", "language": "en",
                           "messages": {"d": "within {days} days of {from} {other}"}})").empty());
  CHECK(m.format("en", "d", {{"days", "14"}, {"from", "the move"}}) == "within 14 days of the move {other}");
}

TEST_CASE("a broken message file is refused with where and what", "[messages]") {
  Messages m;
  CHECK(m.load("ja", "{\"format\": ").find("line 1") != std::string::npos);
  CHECK(m.load("ja", R"({"format": "madoguchi-messages/1", "language": "en", "messages": {}})") == "$.language: expected \"ja\"");
  CHECK(m.load("ja", R"({"format": "madoguchi-messages/1", "language": "ja", "messages": {"a": 1}})") ==
        "$.messages.a: expected a string");
}
