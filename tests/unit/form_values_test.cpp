// A repeat group's items: removing one keeps the others' answers, renumbered, nested groups included.
#include <catch2/catch.hpp>

#include "core/form_fields.hpp"

using madoguchi::FormValues;

TEST_CASE("removing the second of three children keeps the third child's answers as the second", "[forms]") {
  FormValues v;
  v.set("children[0].name", "一郎");
  v.set("children[1].name", "二郎");
  v.set("children[2].name", "三郎");
  v.set("children[2].school[0].name", "九段小");
  v.set_item_count("children[2].school", 1);
  v.set("children_note", "kept");
  v.remove_item("children", 1);
  CHECK(v.item_count("children") == 2);
  CHECK(v.get("children[0].name") == "一郎");
  CHECK(v.get("children[1].name") == "三郎");
  CHECK(v.get("children[1].school[0].name") == "九段小");
  CHECK(v.item_count("children[1].school") == 1);
  CHECK_FALSE(v.get("children[2].name"));
  CHECK(v.get("children_note") == "kept");
}

TEST_CASE("removing an item that does not exist changes nothing", "[forms]") {
  FormValues v;
  v.set("members[0].name", "山田 太郎");
  v.remove_item("members", 3);
  v.remove_item("members", -1);
  CHECK(v.item_count("members") == 1);
  CHECK(v.get("members[0].name") == "山田 太郎");
}

TEST_CASE("an item just added and then removed leaves no trace", "[forms]") {
  FormValues v;
  v.set_item_count("members", 1);
  v.remove_item("members", 0);
  CHECK(v.item_count("members") == 0);
  CHECK(v.all().empty());
}
