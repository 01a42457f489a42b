// Keeps last frame's nodes to diff against; the DOM work itself is in web/madoguchi.js.
#include "dom_mirror.hpp"

#include <emscripten/emscripten.h>

#include "html5_backend.hpp"
#include "ui/semantic_diff.hpp"

namespace madoguchi::platform {
namespace {
std::vector<ui::SemanticNode> g_last;
ui::SemanticTree* g_tree = nullptr;
}  // namespace

EM_JS(void, js_apply_mirror, (const char* changes_json), { Madoguchi.applyMirror(UTF8ToString(changes_json)); });

void update_dom_mirror(ui::SemanticTree& tree) {
  g_tree = &tree;
  ui::MirrorChanges changes = ui::diff_mirror(g_last, tree.nodes());
  if (changes.empty()) return;
  js_apply_mirror(ui::to_json(changes).c_str());
  g_last = tree.nodes();
}

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_mirror_activate(unsigned id) {
  using namespace madoguchi::platform;
  if (!g_tree) return;
  g_tree->request_activation(id);
  request_frames();
}
