// A resident's answers decide which procedures of a life event apply, in which order, by when.
#include <catch2/catch.hpp>

#include "core/checklist.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

namespace {

std::string with_after(const std::string& id, const std::string& after) {
  auto p = fixtures::procedure(id);
  return p.insert(p.size() - 1, R"(, "after": )" + after);
}

// A birth: 児童手当 is listed first but must follow 出生届; 国保 applies only to a 国保 household.
Catalog birth_catalog() {
  auto files = fixtures::small_catalog();
  fixtures::replace_file(files, "events/birth.json", fixtures::event_with(
      R"([{"id": "insurance", "kind": "choice", "label": )" + fixtures::text("保険") +
          R"(, "options": [{"value": "kokuho", "label": )" + fixtures::text("国保") +
          R"(}, {"value": "employer", "label": )" + fixtures::text("会社") + R"(}]},
          {"id": "abroad", "kind": "yes-no", "label": )" + fixtures::text("海外") +
          R"(, "when": {"question": "insurance", "equals": "kokuho"}}])",
      R"([{"procedure": "jido-teate"}, {"procedure": "shussei-todoke"},
          {"procedure": "kokuho-kanyu", "when": {"all": [{"question": "insurance", "equals": "kokuho"},
                                                        {"not": {"question": "abroad", "equals": "yes"}}]},
           "why": )" + fixtures::text("国保の世帯だから", "because your household is in kokuho") + "}]"));
  files.push_back({"procedures/jido-teate.json", with_after("jido-teate", R"(["shussei-todoke"])")});
  files.push_back({"procedures/kokuho-kanyu.json", with_after("kokuho-kanyu", R"(["shussei-todoke"])")});
  auto load = load_catalog(files);
  for (const auto& p : load.problems) FAIL(p.to_string());
  return *load.catalog;
}

std::vector<std::string> ids(const std::vector<ChecklistItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.procedure->id);
  return out;
}

}  // namespace

TEST_CASE("a follow-up question appears once the answer it depends on is given", "[checklist]") {
  Catalog c = birth_catalog();
  const LifeEvent& birth = c.events.at(0);
  EventAnswers a;
  CHECK(questions_to_ask(birth, a).size() == 1);
  a.answers["insurance"] = "kokuho";
  auto asked = questions_to_ask(birth, a);
  REQUIRE(asked.size() == 2);
  CHECK(asked[1]->id == "abroad");
  a.answers["insurance"] = "employer";
  CHECK(questions_to_ask(birth, a).size() == 1);
}

TEST_CASE("dependencies come first even when listed later", "[checklist]") {
  Catalog c = birth_catalog();
  EventAnswers a;
  CHECK(ids(build_checklist(c, c.events.at(0), a)) == std::vector<std::string>{"shussei-todoke", "jido-teate"});
}

TEST_CASE("a conditional procedure applies with its reason when the answers meet it", "[checklist]") {
  Catalog c = birth_catalog();
  EventAnswers a;
  a.answers["insurance"] = "kokuho";
  auto items = build_checklist(c, c.events.at(0), a);
  REQUIRE(ids(items) == std::vector<std::string>{"shussei-todoke", "jido-teate", "kokuho-kanyu"});
  CHECK(items[2].entry->why.in("en") == "because your household is in kokuho");
  a.answers["abroad"] = "yes";
  CHECK(ids(build_checklist(c, c.events.at(0), a)) == std::vector<std::string>{"shussei-todoke", "jido-teate"});
}

TEST_CASE("an answer to a question no longer asked does not count", "[checklist]") {
  Catalog c = birth_catalog();
  EventAnswers a;
  a.answers["insurance"] = "kokuho";
  a.answers["abroad"] = "yes";
  a.answers["insurance"] = "employer";  // "abroad" is no longer asked
  CHECK_FALSE(current_answers(c.events.at(0), a)("abroad").has_value());
}

TEST_CASE("each item has its due date from the event date, moved past closed days", "[checklist]") {
  Catalog c = birth_catalog();
  EventAnswers a;
  CHECK_FALSE(build_checklist(c, c.events.at(0), a).at(0).due.has_value());  // no date yet
  a.event_date = CivilDate{2026, 3, 20};
  auto items = build_checklist(c, c.events.at(0), a);
  REQUIRE(items.at(0).due);
  // 14 days counting the day of birth (戸籍法 第43条): 3/20 is day 1, so 4/2 (a Thursday, open).
  CHECK(items[0].due->legal == CivilDate{2026, 4, 2});
  CHECK(items[0].due->effective == CivilDate{2026, 4, 2});
  CHECK_FALSE(items[0].due->moved);
  a.event_date = CivilDate{2026, 3, 22};  // day 14 is Saturday 4/4: the ward opens again on Monday 4/6
  items = build_checklist(c, c.events.at(0), a);
  CHECK(items[0].due->legal == CivilDate{2026, 4, 4});
  CHECK(items[0].due->effective == CivilDate{2026, 4, 6});
  CHECK(items[0].due->moved);
}
