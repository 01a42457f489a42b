// A ward officer's mistakes in catalog files must come back as messages that name the file, the
// JSON path and the fix; the real catalog must load as the app will load it.
#include <catch2/catch.hpp>

#include "core/form_pages.hpp"
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
    CHECK(!e.procedures.empty());
    CHECK(!e.event_date_label.in("ja").empty());
    for (const auto& p : e.procedures) CHECK(c.find_procedure(p.procedure_id) != nullptr);
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

namespace {
const std::string kInsuranceQuestion =
    R"([{"id": "insurance", "kind": "choice", "label": )" + fixtures::text("保険") +
    R"(, "options": [{"value": "kokuho", "label": )" + fixtures::text("国保") + R"(}, {"value": "employer", "label": )" +
    fixtures::text("会社") + R"(}]}, {"id": "abroad", "kind": "yes-no", "label": )" + fixtures::text("海外") +
    R"(, "when": {"question": "insurance", "answered": true}}])";

CatalogLoad load_with_event(const std::string& questions, const std::string& procedures) {
  auto files = fixtures::small_catalog();
  fixtures::replace_file(files, "events/birth.json", fixtures::event_with(questions, procedures));
  return load_catalog(files);
}
}  // namespace

TEST_CASE("questions and conditional procedures load with their reasons", "[catalog]") {
  auto load = load_with_event(kInsuranceQuestion, R"([{"procedure": "shussei-todoke", "when": {"all": [
      {"question": "insurance", "in": ["kokuho"]}, {"not": {"question": "abroad", "equals": "yes"}}]}, "why": )" +
                                                       fixtures::text("国保だから", "because you are in kokuho") + "}]");
  INFO(all_problems(load));
  REQUIRE(load.catalog);
  const LifeEvent& e = load.catalog->events.at(0);
  REQUIRE(e.questions.size() == 2);
  CHECK(e.questions[0].kind == Question::Kind::Choice);
  CHECK(e.questions[0].options.at(1).value == "employer");
  CHECK(e.questions[1].when.has_value());
  REQUIRE(e.procedures.at(0).when);
  CHECK(e.procedures[0].when->op == Condition::Op::All);
  CHECK(e.procedures[0].why.in("en") == "because you are in kokuho");
  CHECK(e.event_date_label.in("ja") == "生まれた日");
}

TEST_CASE("a condition naming an unknown or later question is reported", "[catalog]") {
  auto load = load_with_event(kInsuranceQuestion,
                              R"([{"procedure": "shussei-todoke", "when": {"question": "pets", "equals": "yes"}, "why": )" +
                                  fixtures::text("理由") + "}]");
  CHECK(has_problem(load, "events/birth.json", "$.procedures[0].when.question", "unknown question \"pets\""));
  // A question may only depend on questions asked before it.
  std::string later = kInsuranceQuestion;
  later.replace(later.find(R"("question": "insurance")"), 23, R"("question": "abroad")");
  CHECK(has_problem(load_with_event(later, R"([{"procedure": "shussei-todoke"}])"), "events/birth.json",
                    "$.questions[1].when.question", "unknown question \"abroad\""));
}

TEST_CASE("a conditional procedure must say why it applies", "[catalog]") {
  auto load = load_with_event(kInsuranceQuestion,
                              R"([{"procedure": "shussei-todoke", "when": {"question": "abroad", "equals": "yes"}}])");
  CHECK(has_problem(load, "events/birth.json", "$.procedures[0]", "missing key \"why\""));
}

TEST_CASE("a choice question needs two distinct options and a known kind", "[catalog]") {
  auto load = load_with_event(R"([{"id": "q", "kind": "choice", "label": )" + fixtures::text("問") +
                                  R"(, "options": [{"value": "a", "label": )" + fixtures::text("あ") +
                                  R"(}, {"value": "a", "label": )" + fixtures::text("い") + R"(}]}, {"id": "r", "kind": "number", "label": )" +
                                  fixtures::text("数") + "}]",
                              R"([{"procedure": "shussei-todoke"}])");
  CHECK(has_problem(load, "events/birth.json", "$.questions[0].options[1].value", "used twice"));
  CHECK(has_problem(load, "events/birth.json", "$.questions[1].kind", "unknown question kind \"number\""));
}

TEST_CASE("after names existing procedures and never forms a cycle", "[catalog]") {
  auto files = fixtures::small_catalog();
  auto with_after = [](const std::string& id, const std::string& after) {
    auto p = fixtures::procedure(id);
    return p.insert(p.size() - 1, R"(, "after": )" + after);
  };
  fixtures::replace_file(files, "events/birth.json",
                         fixtures::event_with("[]", R"([{"procedure": "shussei-todoke"}, {"procedure": "jido-teate"}])"));
  files.push_back({"procedures/jido-teate.json", with_after("jido-teate", R"(["shussei-todoke"])")});
  INFO(all_problems(load_catalog(files)));
  REQUIRE(load_catalog(files).catalog);

  fixtures::replace_file(files, "procedures/shussei-todoke.json", with_after("shussei-todoke", R"(["jido-teate", "nothing"])"));
  auto load = load_catalog(files);
  CHECK(has_problem(load, "procedures/shussei-todoke.json", "$.after[1]", "unknown procedure \"nothing\""));
  bool cycle = std::any_of(load.problems.begin(), load.problems.end(), [](const CatalogProblem& p) {
    return p.message.find("dependency cycle") != std::string::npos && p.message.find("jido-teate") != std::string::npos;
  });
  CHECK(cycle);
}

namespace {
CatalogLoad load_with_form(const std::string& form) {
  auto files = fixtures::small_catalog();
  auto p = fixtures::procedure("shussei-todoke");
  fixtures::replace_file(files, "procedures/shussei-todoke.json", p.insert(p.size() - 1, R"(, "form": )" + form));
  return load_catalog(files);
}
const std::string kMembersForm = R"({"fields": [
  {"id": "moved_in_on", "kind": "date", "label": )" + fixtures::text("転入日") + R"(, "required": true},
  {"id": "moved_out_on", "kind": "date", "label": )" + fixtures::text("転出日") + R"(},
  {"id": "members", "kind": "group", "label": )" + fixtures::text("異動する人") + R"(, "min_items": 1, "max_items": 9, "fields": [
    {"id": "name", "kind": "name", "label": )" + fixtures::text("氏名") + R"(, "required": true, "profile": "name"},
    {"id": "relation", "kind": "choice", "label": )" + fixtures::text("続柄") + R"(, "options": [
      {"value": "self", "label": )" + fixtures::text("本人") + R"(}, {"value": "child", "label": )" + fixtures::text("子") + R"(}]},
    {"id": "school", "kind": "text", "label": )" + fixtures::text("学校") + R"(, "when": {"field": "relation", "equals": "child"}}]}],
  "rules": [{"rule": "not-before", "field": "moved_in_on", "other": "moved_out_on"}]})";
}  // namespace

TEST_CASE("a procedure residents can do online must have its form", "[catalog]") {
  auto files = fixtures::small_catalog();
  auto p = fixtures::procedure("shussei-todoke");
  const std::string offline = R"("online": {"available": false, "reason": "law-requires-presence", "instead": )" + fixtures::text("窓口へ") + "}";
  p.replace(p.find(offline), offline.size(), R"("online": {"available": true})");
  fixtures::replace_file(files, "procedures/shussei-todoke.json", p);
  CHECK(has_problem(load_catalog(files), "procedures/shussei-todoke.json", "$.online.available", "needs the form"));
}

TEST_CASE("a procedure's form loads with groups, conditions and rules", "[catalog]") {
  auto load = load_with_form(kMembersForm);
  INFO(all_problems(load));
  REQUIRE(load.catalog);
  const auto& form = *load.catalog->find_procedure("shussei-todoke")->form;
  REQUIRE(form.fields.size() == 3);
  const FieldSpec& members = form.fields[2];
  CHECK(members.kind == FieldKind::Group);
  CHECK(members.max_items == 9);
  REQUIRE(members.fields.size() == 3);
  CHECK(members.fields[0].profile_key == "name");
  CHECK(members.fields[1].options.size() == 2);
  CHECK(members.fields[2].shown_when.has_value());
  REQUIRE(form.rules.size() == 1);
  CHECK(form.rules[0].kind == CrossFieldRule::NotBefore);
}

TEST_CASE("form mistakes name the field path and the fix", "[catalog]") {
  auto replaced = [](std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
  };
  std::string form = replaced(kMembersForm, R"("kind": "text")", R"("kind": "txt")");
  form = replaced(form, R"("profile": "name")", R"("profile": "nickname")");
  form = replaced(form, R"("other": "moved_out_on")", R"("other": "moved_on")");
  auto load = load_with_form(form);
  INFO(all_problems(load));
  const std::string f = "procedures/shussei-todoke.json";
  CHECK(has_problem(load, f, "$.form.fields[2].fields[2].kind", "unknown field kind \"txt\""));
  CHECK(has_problem(load, f, "$.form.fields[2].fields[0].profile", "unknown profile value \"nickname\""));
  CHECK(has_problem(load, f, "$.form.rules[0]", "unknown field \"moved_on\""));

  std::string typo = replaced(kMembersForm, R"("field": "relation")", R"("field": "relatoin")");
  CHECK(has_problem(load_with_form(typo), f, "$.form.fields[2].fields[2].when.field", "unknown field \"relatoin\""));
}

TEST_CASE("a form's pages start at its first field, never inside a group, and a long form must have them",
          "[catalog]") {
  auto replaced = [](std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
  };
  const std::string f = "procedures/shussei-todoke.json";
  const std::string page = R"("page": )" + fixtures::text("異動する人") + ", ";
  std::string paged = replaced(kMembersForm, R"({"id": "moved_in_on", )", R"({"id": "moved_in_on", "page": )" + fixtures::text("日付") + ", ");
  paged = replaced(paged, R"({"id": "members", )", R"({"id": "members", )" + page);
  auto load = load_with_form(paged);
  INFO(all_problems(load));
  REQUIRE(load.catalog);
  const auto& form = *load.catalog->find_procedure("shussei-todoke")->form;
  CHECK(form_pages(form).size() == 2);

  CHECK(has_problem(load_with_form(replaced(kMembersForm, R"({"id": "members", )", R"({"id": "members", )" + page)), f,
                    "$.form.fields[0]", "its first field starts one"));
  CHECK(has_problem(load_with_form(replaced(paged, R"({"id": "name", )", R"({"id": "name", )" + page)), f,
                    "$.form.fields[2].fields[0].page", "not inside a group"));
  std::string long_form = R"({"fields": [)";
  for (int i = 0; i < 10; ++i)
    long_form += (i ? ", " : "") + std::string(R"({"id": "q)") + std::to_string(i) + R"(", "kind": "text", "label": )" + fixtures::text("質問") + "}";
  CHECK(has_problem(load_with_form(long_form + "]}"), f, "$.form.fields", "a form of 10 fields is too long for one phone screen"));
}
