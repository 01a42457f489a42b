// The smallest set of changes that turns last frame's mirror into this frame's, so the DOM is
// touched only where something changed (and not at all while nothing does).
#pragma once
#include <string>
#include <vector>

#include "semantic_tree.hpp"

namespace madoguchi::ui {

struct MirrorChanges {
  std::vector<std::uint32_t> removed;
  std::vector<SemanticNode> upserted;  // new nodes, or nodes whose content or rectangle changed
  std::vector<std::uint32_t> order;    // the full reading order, set only when it changed
  bool empty() const { return removed.empty() && upserted.empty() && order.empty(); }
};

MirrorChanges diff_mirror(const std::vector<SemanticNode>& before, const std::vector<SemanticNode>& after);

// {"removed":[...],"upserted":[{"id","role","name","description","level","disabled","checked","group","x","y","w","h"}],"order":[...]};
// text boxes also carry "value", "inputmode", "autocomplete", "invalid", "required", "secret" and "focus".
std::string to_json(const MirrorChanges& changes);

}  // namespace madoguchi::ui
