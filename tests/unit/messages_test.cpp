// The UI's words: every language file loads, lookups fall back to Japanese, placeholders fill in.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using madoguchi::Messages;

TEST_CASE("the shipped message files load and define the same keys", "[messages]") {
  Messages m = fixtures::real_messages();
  CHECK(m.languages() == std::vector<std::string>{"en", "ja", "ja-x-easy", "ko", "vi", "zh-Hans"});
  for (const char* key : {"home.heading", "nav.back", "deadline.within_days", "procedure.fee_yen"})
    for (std::string_view lang : madoguchi::kUiLanguages) CHECK(m.get(lang, key) != key);
  CHECK(m.get("en", "home.heading") == "What happened?");
  CHECK(m.get("ko", "language.name") == "한국어");
  CHECK(m.get("zh-Hans", "language.name") == "简体中文");
  CHECK(m.get("vi", "language.name") == "Tiếng Việt");
}

TEST_CASE("a missing message falls back to Japanese, then shows its key", "[messages]") {
  Messages m;
  REQUIRE(m.load("ja", R"({"format": "madoguchi-messages/1", "language": "ja", "messages": {"a": "あ", "b": "び"}})").empty());
  REQUIRE(m.load("en", R"({"format": "madoguchi-messages/1", "language": "en", "messages": {"a": "A"}})").empty());
  CHECK(m.get("en", "a") == "A");
  CHECK(m.get("en", "b") == "び");
  CHECK(m.get("en", "missing.key") == "missing.key");
}

TEST_CASE("a message missing in Korean, Chinese or Vietnamese falls back to English, then Japanese", "[messages]") {
  Messages m;
  REQUIRE(m.load("ja", R"({"format": "madoguchi-messages/1", "language": "ja", "messages": {"a": "あ", "b": "び", "c": "し"}})").empty());
  REQUIRE(m.load("en", R"({"format": "madoguchi-messages/1", "language": "en", "messages": {"a": "A", "b": "B"}})").empty());
  REQUIRE(m.load("ko", R"({"format": "madoguchi-messages/1", "language": "ko", "messages": {"a": "아"}})").empty());
  REQUIRE(m.load("ja-x-easy", R"({"format": "madoguchi-messages/1", "language": "ja-x-easy", "messages": {"a": "あ"}})").empty());
  CHECK(m.get("ko", "a") == "아");
  CHECK(m.get("ko", "b") == "B");
  CHECK(m.get("ko", "c") == "し");
  CHECK(m.get("vi", "b") == "B");  // no Vietnamese file at all
  CHECK(m.get("ja-x-easy", "b") == "び");  // a reader of plain Japanese gets Japanese, not English
  CHECK(m.has_language("ko"));
  CHECK_FALSE(m.has_language("vi"));
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
