// A ward officer's mistakes in catalog files must come back as messages that name the file, the
// JSON path and the fix; the real catalog must load as the app will load it.
#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace madoguchi;

namespace {
bool has_problem(const CatalogLoad& load, const std::string& file, const std::string& where, const std::string& words) {
  for (const auto& p : load.problems)
    if (p.file == file && p.where == where && p.message.find(words) != std::string::npos) return true;
  return false;
}
std::string all_problems(const CatalogLoad& load) {
  std::string s;
  for (const auto& p : load.problems) s += p.to_string() + "\n";
  return s;
}
}  // namespace

TEST_CASE("the shipped catalog loads with every event, procedure and language", "[catalog]") {
  auto load = load_catalog(fixtures::real_catalog_files());
  INFO(all_problems(load));
  REQUIRE(load.catalog);
  const Catalog& c = *load.catalog;
  CHECK(c.events.size() >= 3);
  CHECK(c.languages == std::vector<std::string>{"ja", "en", "ja-x-easy"});
  for (const auto& e : c.events) {
    CHECK(!e.title.in("ja").empty());
    CHECK(!e.procedure_ids.empty());
    for (const auto& id : e.procedure_ids) CHECK(c.find_procedure(id) != nullptr);
  }
  const LifeEvent* birth = c.find_event("birth");
  REQUIRE(birth);
  const Procedure* shussei = c.find_procedure("shussei-todoke");
  REQUIRE(shussei);
  CHECK(shussei->deadline.rule == DeadlineRule::WithinDays);
  CHECK(shussei->deadline.days == 14);
  CHECK(shussei->deadline.count_first_day);  // 戸籍法 第43条 counts the day of birth
}

TEST_CASE("a small valid catalog loads", "[catalog]") {
  auto load = load_catalog(fixtures::small_catalog());
  INFO(all_problems(load));
  REQUIRE(load.catalog);
  CHECK(load.catalog->events.at(0).title.in("en") == "A baby was born");
}

TEST_CASE("a JSON syntax error names the file, line and column", "[catalog]") {
  auto files = fixtures::small_catalog();
  fixtures::replace_file(files, "events/birth.json", "{\n  \"kind\": \"event\"\n  \"id\": \"birth\"\n}");
  auto load = load_catalog(files);
  CHECK_FALSE(load.catalog);
  CHECK(has_problem(load, "events/birth.json", "line 3, column 3", "not valid JSON"));
}

TEST_CASE("a text missing a language names the JSON path and the language to add", "[catalog]") {
  auto files = fixtures::small_catalog();
  auto p = fixtures::procedure("shussei-todoke");
  const std::string department = fixtures::text("戸籍係");
  p.replace(p.find(department), department.size(), R"({"ja": "戸籍係"})");
  fixtures::replace_file(files, "procedures/shussei-todoke.json", p);
  auto load = load_catalog(files);
  CHECK_FALSE(load.catalog);
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$.department", "missing text for \"en\""));
}

TEST_CASE("a misspelt key is reported, not ignored", "[catalog]") {
  auto files = fixtures::small_catalog();
  fixtures::replace_file(files, "procedures/shussei-todoke.json", fixtures::procedure("shussei-todoke", R"(, "dayz": 3)"));
  auto load = load_catalog(files);
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$.deadline.dayz", "unknown key \"dayz\""));
}

TEST_CASE("an event naming a missing procedure says which file to add", "[catalog]") {
  auto files = fixtures::small_catalog();
  auto event = files[1].text;
  fixtures::replace_file(files, "events/birth.json",
                         event.replace(event.find("shussei-todoke"), 14, "shussei-todoke-x"));
  auto load = load_catalog(files);
  CHECK(has_problem(load, "events/birth.json", "$.procedures[0].procedure", "add procedures/shussei-todoke-x.json"));
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$", "no life event lists this procedure"));
}

TEST_CASE("wrong types and values name what was found", "[catalog]") {
  auto files = fixtures::small_catalog();
  auto p = fixtures::procedure("shussei-todoke");
  p.replace(p.find("\"days\": 14"), 10, "\"days\": \"14\"");
  p.replace(p.find("law-requires-presence"), 21, "because");
  fixtures::replace_file(files, "procedures/shussei-todoke.json", p);
  auto load = load_catalog(files);
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$.deadline.days", "found \"14\""));
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$.online.reason", "unknown reason \"because\""));
}

TEST_CASE("an id must match its file name", "[catalog]") {
  auto files = fixtures::small_catalog();
  files.push_back({"procedures/other.json", fixtures::procedure("another")});
  auto load = load_catalog(files);
  CHECK(has_problem(load, "procedures/other.json", "$.id", "differs from the file name"));
}

TEST_CASE("the manifest must list each event once and exist", "[catalog]") {
  auto files = fixtures::small_catalog();
  fixtures::replace_file(files, "catalog.json",
                         R"({"format": "madoguchi-catalog/1", "ward": )" + fixtures::text("区") +
                             R"(, "languages": ["ja", "en"], "events": ["birth", "birth", "death"]})");
  auto load = load_catalog(files);
  CHECK(has_problem(load, "catalog.json", "$.events[1]", "listed twice"));
  CHECK(has_problem(load, "catalog.json", "$.events[2]", "no file events/death.json"));

  files.erase(files.begin());
  CHECK(has_problem(load_catalog(files), "catalog.json", "$", "the manifest is missing"));
}

TEST_CASE("the bundle round-trips and a damaged bundle is refused with a reason", "[catalog]") {
  auto files = fixtures::small_catalog();
  std::string bundle = make_catalog_bundle(files);
  auto load = load_catalog_bundle(bundle);
  REQUIRE(load.catalog);
  CHECK(load.catalog->procedures.count("shussei-todoke") == 1);

  auto truncated = load_catalog_bundle(bundle.substr(0, bundle.size() / 2));
  CHECK_FALSE(truncated.catalog);
  CHECK(truncated.problems.at(0).message.find("not valid JSON") != std::string::npos);

  auto not_bundle = load_catalog_bundle(R"({"format": "something-else"})");
  CHECK(not_bundle.problems.at(0).message.find("not a catalog bundle") != std::string::npos);
}

TEST_CASE("a problem found in the bundle still names the source file", "[catalog]") {
  auto files = fixtures::small_catalog();
  fixtures::replace_file(files, "procedures/shussei-todoke.json", fixtures::procedure("shussei-todoke", R"(, "x": 1)"));
  auto load = load_catalog_bundle(make_catalog_bundle(files));
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$.deadline.x", "unknown key"));
}

TEST_CASE("ids are lowercase letters, digits and single hyphens", "[catalog]") {
  for (const char* bad : {"Birth", "birth--day", "-birth", "birth-", "出生", "birth_day"}) {
    auto files = fixtures::small_catalog();
    files.push_back({std::string("procedures/") + bad + ".json", fixtures::procedure(bad)});
    INFO(bad);
    CHECK(has_problem(load_catalog(files), std::string("procedures/") + bad + ".json", "$.id", "may hold only lowercase"));
  }
}
