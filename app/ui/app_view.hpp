// Draws one frame of the app for the current route and returns what the resident asked for.
#pragma once
#include <vector>

#include "core/catalog.hpp"
#include "core/messages.hpp"
#include "core/navigation.hpp"
#include "semantic_tree.hpp"
#include "widgets.hpp"

namespace madoguchi::ui {

struct ViewInput {
  const Catalog& catalog;
  const Messages& messages;
  const Navigation& nav;
  CivilDate today;  // the resident's local date: the default event date, and days left
};

// Call between ImGui::NewFrame() and ImGui::Render(); fills `tree` with this frame's items.
std::vector<Action> draw_app(const ViewInput& in, SemanticTree& tree, const Fonts& fonts);

}  // namespace madoguchi::ui
