// Keeps last frame's nodes to diff against, and takes the mirror's events (activations, typed text,
// field focus, the keyboard's focus moving) back into the tree; the DOM work itself is in web/madoguchi.js.
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

// The resident typed into a text box's field (committed text only: an IME's preedit stays in the field).
extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_mirror_text(unsigned id, const char* value) {
  using namespace madoguchi::platform;
  if (!g_tree) return;
  g_tree->post_text(id, value);
  request_frames();
}

// A text box's field gained (1) or lost (0) focus; `reveal` also when the visible height changed under it.
extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_mirror_focus(unsigned id, int focused) {
  using namespace madoguchi::platform;
  if (!g_tree) return;
  if (focused) g_tree->set_editing(id, true);
  else if (g_tree->editing() == id) g_tree->set_editing(0, false);
  request_frames();
}

// The keyboard's focus moved to a control (Tab): the app scrolls it into view if it is off screen.
extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_mirror_reveal(unsigned id) {
  using namespace madoguchi::platform;
  if (!g_tree) return;
  g_tree->reveal(id);
  request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_mirror_activate(unsigned id) {
  using namespace madoguchi::platform;
  if (!g_tree) return;
  g_tree->request_activation(id);
  request_frames();
}
