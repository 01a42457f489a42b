// Applies each frame's semantic-tree changes to the ARIA layer over the canvas, and turns
// activations of its elements (screen reader, keyboard) back into widget activations.
#pragma once
#include "ui/semantic_tree.hpp"

namespace madoguchi::platform {

// Call after each frame; touches the DOM only when something changed.
void update_dom_mirror(ui::SemanticTree& tree);

}  // namespace madoguchi::platform
