// Implements imgui 1.86's IMGUI_ENABLE_TEST_ENGINE hooks: ItemAdd gives an item's rectangle,
// ItemInfo its label and status flags (only interactive widgets call it).
#include "raw_item_mirror.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace madoguchi::ui {
namespace {

struct RawItem {
  ImGuiID id;
  ImRect rect;
  std::string label;
  ImGuiItemStatusFlags flags;
};

std::unordered_map<ImGuiID, ImRect> g_rects;
std::vector<RawItem> g_items;

}  // namespace

void begin_raw_items() {
  GImGui->TestEngineHookItems = true;
  g_rects.clear();
  g_items.clear();
}

void mirror_raw_items(SemanticTree& tree) {
  for (const auto& item : g_items) {
    if (tree.contains(item.id) || item.label.empty()) continue;
    SemanticNode n;
    n.id = item.id;
    n.role = (item.flags & ImGuiItemStatusFlags_Checkable) ? Role::Checkbox : Role::Button;
    n.checked = (item.flags & ImGuiItemStatusFlags_Checked) != 0;
    n.name = item.label;
    n.x = item.rect.Min.x;
    n.y = item.rect.Min.y;
    n.w = item.rect.GetWidth();
    n.h = item.rect.GetHeight();
    tree.add(std::move(n));
  }
}

}  // namespace madoguchi::ui

using madoguchi::ui::g_items;
using madoguchi::ui::g_rects;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect& bb, ImGuiID id) {
  if (id != 0) g_rects[id] = bb;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (id == 0 || !label) return;
  // The visible part of the label: imgui hides what follows "##".
  std::string visible(label, ImGui::FindRenderedTextEnd(label));
  auto rect = g_rects.find(id);
  g_items.push_back({id, rect == g_rects.end() ? ImRect() : rect->second, visible, flags});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
