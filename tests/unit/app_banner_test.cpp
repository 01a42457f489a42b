// The banner at the bottom of every screen: a storage problem wherever the resident is, and a new version
// offered only outside forms, with a button that asks the platform to save and reload.
#include <catch2/catch.hpp>

#include <algorithm>

#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

TEST_CASE("a new version is offered outside forms, and its button asks for the update", "[banner]") {
  Portal p;
  apply(p.nav, UpdateReady{});
  p.frame();
  CHECK(find(p.tree, Role::Text, "このアプリの新しい版があります。入力した内容は残ります。"));
  const auto* button = find(p.tree, Role::Button, "新しい版にする");
  REQUIRE(button);
  p.tree.request_activation(button->id);
  auto actions = p.frame();
  for (auto& a : p.frame()) actions.push_back(a);
  CHECK(std::any_of(actions.begin(), actions.end(), [](const Action& a) { return std::holds_alternative<ApplyUpdate>(a); }));

  apply(p.nav, OpenForm{"kokuho-kanyu"});
  p.frame();
  CHECK_FALSE(find(p.tree, Role::Button, "新しい版にする"));
}

TEST_CASE("a storage problem is shown on every screen, the form included, before any update offer", "[banner]") {
  Portal p;
  apply(p.nav, UpdateReady{});
  apply(p.nav, OpenForm{"kokuho-kanyu"});
  apply(p.nav, DeviceStorageFailed{"storage.error.quota"});
  p.frame();
  const std::string full = std::string(p.messages.get("ja", "storage.error.quota"));
  CHECK(find(p.tree, Role::Alert, full));
  apply(p.nav, DeviceSaved{});
  p.frame();
  CHECK_FALSE(find(p.tree, Role::Alert, full));
}
