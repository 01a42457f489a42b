// Basic facts entered once reach every form that asks for them, never over what was typed, and a
// corrected value can go back to the profile.
#include <catch2/catch.hpp>

#include "core/profile.hpp"

using namespace madoguchi;

namespace {
FieldSpec linked(std::string id, FieldKind kind, std::string key) {
  FieldSpec f;
  f.id = std::move(id);
  f.kind = kind;
  f.profile_key = std::move(key);
  return f;
}

FormSpec moving_form() {
  FieldSpec members;
  members.id = "members";
  members.kind = FieldKind::Group;
  members.fields = {linked("name", FieldKind::Name, "name"), linked("birth_date", FieldKind::Date, "birth_date")};
  FormSpec form;
  form.fields = {linked("address", FieldKind::Address, "address"), linked("phone", FieldKind::Phone, "phone"), members};
  return form;
}

Profile resident() {
  Profile p;
  p.values = {{"name", "山田 花子"}, {"birth_date", "1990-04-01"}, {"address", "東京都まどぐち区芝1-2-3"}, {"phone", "090-1234-5678"}};
  return p;
}
}  // namespace

TEST_CASE("a form is prefilled from the profile and says which values came from it", "[profile]") {
  FormValues typed;
  typed.set("phone", "03-1234-5678");  // typed before: kept
  Prefilled p = prefill(moving_form(), resident(), typed);
  CHECK(p.values.get("address") == std::optional<std::string_view>("東京都まどぐち区芝1-2-3"));
  CHECK(p.values.get("phone") == std::optional<std::string_view>("03-1234-5678"));
  CHECK(p.values.get("members[0].name") == std::optional<std::string_view>("山田 花子"));
  CHECK(p.values.get("members[0].birth_date") == std::optional<std::string_view>("1990-04-01"));
  CHECK_FALSE(p.values.get("members[1].name"));  // other people are not the resident
  CHECK(p.from_profile == std::set<std::string, std::less<>>{"address", "members[0].birth_date", "members[0].name"});
}

TEST_CASE("a changed value in the form can be saved back to the profile", "[profile]") {
  FormSpec form = moving_form();
  Profile profile = resident();
  FormValues values = prefill(form, profile, {}).values;
  values.set("address", "東京都まどぐち区芝２－５－８");  // moved: full-width digits and a lookalike hyphen
  values.set("phone", "not a phone");                    // invalid: never offered
  auto changes = profile_changes(form, values, profile);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].key == "address");
  CHECK(changes[0].old_value == "東京都まどぐち区芝1-2-3");
  CHECK(changes[0].new_value == "東京都まどぐち区芝2-5-8");
  apply_changes(profile, changes);
  CHECK(profile.values["address"] == "東京都まどぐち区芝2-5-8");
  CHECK(profile_changes(form, values, profile).empty());
}
