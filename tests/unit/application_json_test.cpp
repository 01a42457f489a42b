// What leaves the device for a filled form: only shown, normalized answers, and the inbox reads them back.
#include <catch2/catch.hpp>

#include "core/application_json.hpp"
#include "core/field_validation.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

namespace {

const FormSpec& tennyu_form() {
  static const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  return *catalog.find_procedure("tennyu-todoke")->form;
}

// A move from abroad, typed as residents type: full-width digits, 和暦, a leftover answer from when
// they first picked "from elsewhere in Japan".
FormValues typed_move_from_abroad() {
  FormValues v;
  v.set("came_from", "abroad");
  v.set("new_address", "東京都千代田区九段南１丁目２番１号");
  v.set("moved_in_on", "R8.4.1");
  v.set("previous_address", "大阪府大阪市北区中之島1-3-20");
  v.set("previous_country", "ベトナム");
  v.set("household", "new");
  v.set("head_name", "グエン　ヴァン　アン");
  v.set("members[0].name", "グエン ヴァン アン");
  v.set("members[0].furigana", "ぐえん　ゔぁん　あん");
  v.set("members[0].birth_date", "1995-07-20");
  v.set("members[0].sex", "male");
  v.set("members[0].relationship", "head");
  v.set("members[0].residence_card", "yes");
  v.set_item_count("members", 1);
  v.set("notifier", "グエン ヴァン アン");
  v.set("notifier_is", "self");
  v.set("phone", "０９０ー１２３４ー５６７８");
  return v;
}

std::vector<std::string> codes(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field_path + " " + p.code);
  return out;
}

}  // namespace

TEST_CASE("a checked form keeps only the shown answers, normalized", "[application]") {
  const CheckedForm checked = check_form(tennyu_form(), typed_move_from_abroad());
  REQUIRE(codes(checked.problems) == std::vector<std::string>{});
  CHECK(checked.accepted.get("moved_in_on") == std::optional<std::string_view>("2026-04-01"));
  CHECK(checked.accepted.get("phone") == std::optional<std::string_view>("090-1234-5678"));
  // Typed while "from elsewhere in Japan" was picked, hidden now: it must not be sent.
  CHECK_FALSE(checked.accepted.get("previous_address"));
  CHECK(checked.accepted.item_count("members") == 1);
}

TEST_CASE("application JSON round-trips the accepted answers, groups as arrays", "[application]") {
  const CheckedForm checked = check_form(tennyu_form(), typed_move_from_abroad());
  const std::string json = application_json(tennyu_form(), checked.accepted, "vi");
  CHECK(json.find(R"("language":"vi")") != std::string::npos);
  CHECK(json.find(R"("members":[{)") != std::string::npos);
  CHECK(json.find("previous_address") == std::string::npos);

  const ApplicationRead read = read_application_json(json);
  REQUIRE(read.answers);
  CHECK(read.answers->language == "vi");
  CHECK(read.answers->values.all() == checked.accepted.all());
  CHECK(read.answers->values.item_count("members") == 1);
  // Read back, the answers pass the same checks again: the inbox can trust what the device checked.
  CHECK(codes(validate_form(tennyu_form(), read.answers->values)) == std::vector<std::string>{});
}

TEST_CASE("a repeat group item with no answers is kept as an empty object", "[application]") {
  FormSpec form;
  FieldSpec group;
  group.id = "children";
  group.kind = FieldKind::Group;
  FieldSpec name;
  name.id = "name";
  group.fields.push_back(name);
  form.fields.push_back(group);
  FormValues values;
  values.set_item_count("children", 2);
  values.set("children[1].name", "花子");
  const std::string json = application_json(form, values, "ja");
  CHECK(json == R"({"answers":{"children":[{},{"name":"花子"}]},"language":"ja"})");
  const ApplicationRead read = read_application_json(json);
  REQUIRE(read.answers);
  CHECK(read.answers->values.item_count("children") == 2);
}

TEST_CASE("a malformed application names the JSON path and never quotes an answer", "[application]") {
  CHECK(read_application_json("[]").error.find("\"answers\"") != std::string::npos);
  CHECK(read_application_json(R"({"answers":{}})").error.find("\"language\"") != std::string::npos);
  CHECK(read_application_json(R"({"answers":{"a":1},"language":"ja"})").error.starts_with("$.answers.a:"));
  CHECK(read_application_json(R"({"answers":{"m":["秘密"]},"language":"ja"})").error.starts_with("$.answers.m[0]:"));
  CHECK(read_application_json(R"({"answers":{"m":[{"x":{"秘密":"y"}}]},"language":"ja"})").error ==
        "$.answers.m[0].x: an answer must be a string, or an array of objects for a repeat group");
  CHECK(read_application_json(R"({"answers":{"a.b":"x"},"language":"ja"})").error.starts_with("$.answers.a.b:"));
  CHECK(read_application_json("{\"answers\":").error.starts_with("line 1, column"));
}
