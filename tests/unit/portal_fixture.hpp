// The real catalog and messages drawn by the real screens in a headless ImGui context, with each frame's
// actions applied as the platform applies them; and lookups in the semantic tree by role and name.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/navigation.hpp"
#include "fixtures.hpp"
#include "imgui_harness.hpp"

namespace fixtures {

inline const madoguchi::ui::SemanticNode* find(const madoguchi::ui::SemanticTree& tree, madoguchi::ui::Role role,
                                               const std::string& name) {
  for (const auto& n : tree.nodes())
    if (n.role == role && n.name == name) return &n;
  return nullptr;
}

struct Portal {
  madoguchi::Catalog catalog = *madoguchi::load_catalog(real_catalog_files()).catalog;
  madoguchi::Messages messages = real_messages();
  madoguchi::Navigation nav;
  madoguchi::ui::SemanticTree tree;
  madoguchi::ui::PastHome past_home = madoguchi::ui::PastHome::Ready;
  ImGuiHarness imgui;

  std::vector<madoguchi::Action> frame(ImVec2 pointer = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false) {
    auto actions = imgui.frame({catalog, messages, nav, madoguchi::CivilDate{2026, 3, 20}, nullptr, past_home}, tree, pointer, down);
    for (const auto& a : actions) apply(nav, a);
    return actions;
  }

  // A tap on the control with this role and name, as the mirror delivers it; two frames let the action
  // apply and the next screen draw.
  void activate(madoguchi::ui::Role role, const std::string& name) {
    const auto* node = find(tree, role, name);
    INFO(name);
    REQUIRE(node);
    tree.request_activation(node->id);
    frame();
    frame();
  }

  // Text typed into the field with this label, as the mirror's real field delivers it.
  void type(const std::string& label, const std::string& text) {
    const auto* box = find(tree, madoguchi::ui::Role::TextBox, label);
    INFO(label);
    REQUIRE(box);
    tree.post_text(box->id, text);
    frame();
    frame();
  }
};

}  // namespace fixtures
