// Every control the screens draw reaches the semantic tree with a role, a name and a rectangle;
// activating it through the mirror acts like a tap; a frame with no change changes nothing in the DOM.
#include <catch2/catch.hpp>

#include <algorithm>

#include <imgui_internal.h>

#include "portal_fixture.hpp"
#include "ui/raw_item_mirror.hpp"
#include "ui/semantic_diff.hpp"

using namespace madoguchi;

using fixtures::find;
using fixtures::Portal;

TEST_CASE("the home screen mirrors its heading, language buttons and one button per life event", "[mirror]") {
  Portal p;
  p.frame();
  CHECK(find(p.tree, ui::Role::Heading, "どんなことがありましたか？"));
  CHECK(find(p.tree, ui::Role::Button, "English"));
  for (const auto& e : p.catalog.events) {
    const auto* n = find(p.tree, ui::Role::Button, e.title.in("ja"));
    REQUIRE(n);
    CHECK(n->description == e.summary.in("ja"));
    CHECK(n->h >= 44.0f);  // a touch target
    CHECK(n->w > 300.0f);  // full width on a 390 px phone
  }
}

TEST_CASE("activating an event through the mirror opens its procedures", "[mirror]") {
  Portal p;
  p.frame();
  const LifeEvent& birth = *p.catalog.find_event("birth");
  p.tree.request_activation(find(p.tree, ui::Role::Button, birth.title.in("ja"))->id);
  auto actions = p.frame();
  REQUIRE(actions.size() == 1);
  CHECK(std::get<OpenEvent>(actions[0]).event_id == "birth");
  p.frame();
  CHECK(find(p.tree, ui::Role::Heading, birth.title.in("ja")));
  // Listed: the procedures whose condition holds before any answer (none, or "not born abroad").
  for (const auto& entry : birth.procedures) {
    const std::string title = p.catalog.find_procedure(entry.procedure_id)->title.in("ja");
    bool listed = std::any_of(p.tree.nodes().begin(), p.tree.nodes().end(), [&](const ui::SemanticNode& n) {
      return n.role == ui::Role::Heading && n.name.size() >= title.size() &&
             n.name.compare(n.name.size() - title.size(), title.size(), title) == 0;
    });
    INFO(title);
    const bool applies = !entry.when || entry.when->holds([](std::string_view) { return std::nullopt; });
    CHECK(listed == applies);
  }
  // Each question is a radio group of its answers.
  for (const auto& q : birth.questions) {
    if (q.when) continue;
    CHECK(find(p.tree, ui::Role::RadioGroup, q.label.in("ja")));
  }
  REQUIRE(find(p.tree, ui::Role::Button, "戻る"));
}

TEST_CASE("a tap at a tile's rectangle opens the same event as the mirror", "[mirror]") {
  Portal p;
  p.frame();
  const auto* tile = find(p.tree, ui::Role::Button, p.catalog.events.at(1).title.in("ja"));
  REQUIRE(tile);
  ImVec2 centre(tile->x + tile->w / 2, tile->y + tile->h / 2);
  p.frame(centre, false);
  p.frame(centre, true);
  auto actions = p.frame(centre, false);
  REQUIRE(actions.size() == 1);
  CHECK(std::get<OpenEvent>(actions[0]).event_id == p.catalog.events.at(1).id);
}

TEST_CASE("switching language renames every control", "[mirror]") {
  Portal p;
  p.frame();
  p.tree.request_activation(find(p.tree, ui::Role::Button, "English")->id);
  p.frame();
  p.frame();
  CHECK(find(p.tree, ui::Role::Heading, "What happened?"));
  CHECK(find(p.tree, ui::Role::Button, p.catalog.events.at(0).title.in("en")));
}

TEST_CASE("an unchanged frame produces no DOM changes; a screen change produces them", "[mirror]") {
  Portal p;
  p.frame();
  p.frame();
  auto before = p.tree.nodes();
  p.frame();
  CHECK(ui::diff_mirror(before, p.tree.nodes()).empty());

  p.nav.current = Route{Screen::Event, "death"};
  p.frame();
  auto changes = ui::diff_mirror(before, p.tree.nodes());
  CHECK_FALSE(changes.removed.empty());
  CHECK_FALSE(changes.upserted.empty());
  std::string json = ui::to_json(changes);
  CHECK(json.find("\"role\":\"heading\"") != std::string::npos);
}

TEST_CASE("a raw Dear ImGui item that no wrapper described still reaches the mirror", "[mirror]") {
  fixtures::ImGuiHarness imgui;
  ui::SemanticTree tree;
  tree.begin_frame();
  ImGui::NewFrame();
  ui::begin_raw_items();
  ImGui::Begin("w");
  ImGui::Button("Raw button##with-id");
  bool on = true;
  ImGui::Checkbox("Raw checkbox", &on);
  ImGui::End();
  ui::mirror_raw_items(tree);
  ImGui::Render();
  CHECK(find(tree, ui::Role::Button, "Raw button"));
  const auto* box = find(tree, ui::Role::Checkbox, "Raw checkbox");
  REQUIRE(box);
  CHECK(box->checked);
}

TEST_CASE("a new screen starts at its top", "[mirror]") {
  Portal p;
  p.frame();
  ImGui::SetScrollY(ImGui::FindWindowByName("madoguchi"), 300.0f);
  p.frame();
  REQUIRE(ImGui::FindWindowByName("madoguchi")->Scroll.y > 0.0f);
  p.nav.current = Route{Screen::Event, "birth"};
  p.frame();
  p.frame();
  CHECK(ImGui::FindWindowByName("madoguchi")->Scroll.y == 0.0f);
  const auto* back = find(p.tree, ui::Role::Button, "戻る");
  REQUIRE(back);
  CHECK(back->y >= 0.0f);
}
