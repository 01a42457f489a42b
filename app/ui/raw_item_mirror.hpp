// The safety net under the widget wrappers: Dear ImGui's test-engine hooks see every item, and an
// interactive one that no wrapper described still reaches the mirror, named by its label.
#pragma once
#include "semantic_tree.hpp"

namespace madoguchi::ui {

void begin_raw_items();                    // call after ImGui::NewFrame()
void mirror_raw_items(SemanticTree& tree);  // call after drawing, before ImGui::Render()

}  // namespace madoguchi::ui
