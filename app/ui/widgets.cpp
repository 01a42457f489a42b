// Each widget draws with Dear ImGui, then adds its node to the semantic tree with the item's
// rectangle, and also fires when the mirror activates it (the same result as a tap).
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "theme.hpp"

namespace madoguchi::ui {
namespace {

SemanticTree* g_tree = nullptr;
Fonts g_fonts;

void emit(Role role, std::uint32_t id, std::string_view name, std::string_view description = {}, int level = 0) {
  if (!g_tree) return;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  SemanticNode n;
  n.id = id;
  n.role = role;
  n.name = std::string(name);
  n.description = std::string(description);
  n.level = level;
  n.x = min.x;
  n.y = min.y;
  n.w = max.x - min.x;
  n.h = max.y - min.y;
  g_tree->add(std::move(n));
}

std::uint32_t text_id(Role role, std::string_view text) {
  return ImGui::GetID(text.data(), text.data() + text.size()) ^ (static_cast<std::uint32_t>(role) * 0x9E3779B9u);
}

void wrapped_text(std::string_view text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

bool activated(bool pressed) {
  ImGuiID id = ImGui::GetItemID();
  return (g_tree && g_tree->take_activation(id)) || pressed;
}

}  // namespace

void bind_frame(SemanticTree* tree, const Fonts& fonts) {
  g_tree = tree;
  g_fonts = fonts;
}

void Heading(std::string_view text, int level) {
  if (g_fonts.heading && level <= 2) ImGui::PushFont(g_fonts.heading);
  wrapped_text(text, theme().text);
  if (g_fonts.heading && level <= 2) ImGui::PopFont();
  emit(Role::Heading, text_id(Role::Heading, text), text, {}, level);
}

void Paragraph(std::string_view text) {
  wrapped_text(text, theme().text);
  emit(Role::Text, text_id(Role::Text, text), text);
}

void SecondaryText(std::string_view text) {
  wrapped_text(text, theme().text_secondary);
  emit(Role::Text, text_id(Role::Text, text), text);
}

namespace {

// A touch-sized button, filled with the accent colour when selected; emits no semantic node.
bool choice_button(std::string_view label, bool selected) {
  const Theme& t = theme();
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? t.accent : t.surface);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? t.accent : t.surface_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, selected ? t.accent : t.surface_active);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? t.on_accent : t.text);
  std::string imgui_label = std::string(label) + "##button";
  bool pressed = ImGui::Button(imgui_label.c_str(), ImVec2(0, t.touch_target));
  ImGui::PopStyleColor(4);
  return pressed;
}

// A full-width button whose text wraps: the home screen's tiles, and answers too long for a row.
bool card_button(std::string_view title, ImFont* title_font, std::string_view subtitle, bool selected) {
  const Theme& t = theme();
  float width = ImGui::GetContentRegionAvail().x;
  float pad = t.tile_padding;
  float inner = width - 2 * pad;
  ImFont* font = title_font ? title_font : ImGui::GetFont();
  float title_size = font->FontSize * ImGui::GetIO().FontGlobalScale;
  ImVec2 title_extent = font->CalcTextSizeA(title_size, FLT_MAX, inner, title.data(), title.data() + title.size());
  ImVec2 sub_extent = ImGui::CalcTextSize(subtitle.data(), subtitle.data() + subtitle.size(), false, inner);
  float height = pad + title_extent.y + (subtitle.empty() ? 0 : t.tile_gap + sub_extent.y) + pad;
  if (height < t.touch_target) height = t.touch_target;

  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton("card", ImVec2(width, height));
  ImU32 bg = selected ? t.accent : ImGui::IsItemActive() ? t.surface_active : ImGui::IsItemHovered() ? t.surface_hover : t.surface;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), bg, t.rounding);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), selected ? t.accent : t.border, t.rounding, 0, 1.0f);
  dl->AddText(font, title_size, ImVec2(pos.x + pad, pos.y + pad), selected ? t.on_accent : t.text, title.data(),
              title.data() + title.size(), inner);
  if (!subtitle.empty())
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad, pos.y + pad + title_extent.y + t.tile_gap),
                selected ? t.on_accent : t.text_secondary, subtitle.data(), subtitle.data() + subtitle.size(), inner);
  return pressed;
}

float button_width(std::string_view label) {
  return ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 2 * ImGui::GetStyle().FramePadding.x;
}

}  // namespace

bool Button(std::string_view label, std::string_view id, bool selected) {
  ImGui::PushID(id.data(), id.data() + id.size());
  bool pressed = choice_button(label, selected);
  emit(Role::Button, ImGui::GetItemID(), label);
  bool fired = activated(pressed);
  ImGui::PopID();
  return fired;
}

int RadioGroup(std::string_view question, std::string_view id, const std::vector<std::string>& options, int selected) {
  ImGui::PushID(id.data(), id.data() + id.size());
  const std::uint32_t group_id = ImGui::GetID("##group");
  // The group node goes first so the mirror nests the radios in it; its rectangle is set at the end.
  SemanticNode group;
  group.id = group_id;
  group.role = Role::RadioGroup;
  group.name = std::string(question);
  std::size_t slot = g_tree ? g_tree->add(std::move(group)) : 0;
  const std::uint32_t mirrored_group_id = g_tree ? g_tree->at(slot).id : 0;
  ImGui::BeginGroup();
  wrapped_text(question, theme().text);
  // Options share a row while they fit (はい / いいえ), and stack full width otherwise.
  float avail = ImGui::GetContentRegionAvail().x, row = 0;
  for (const auto& o : options) row += button_width(o) + ImGui::GetStyle().ItemSpacing.x;
  bool one_row = row <= avail;
  int chosen = -1;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (one_row && i > 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    bool is_selected = static_cast<int>(i) == selected;
    bool pressed = one_row ? choice_button(options[i], is_selected) : card_button(options[i], nullptr, {}, is_selected);
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    if (g_tree) {
      SemanticNode n;
      n.id = ImGui::GetItemID();
      n.role = Role::Radio;
      n.name = options[i];
      n.checked = static_cast<int>(i) == selected;
      n.group = mirrored_group_id;
      n.x = min.x, n.y = min.y, n.w = max.x - min.x, n.h = max.y - min.y;
      g_tree->add(std::move(n));
    }
    if (activated(pressed)) chosen = static_cast<int>(i);
    ImGui::PopID();
  }
  ImGui::EndGroup();
  if (g_tree) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    SemanticNode& g = g_tree->at(slot);
    g.x = min.x, g.y = min.y, g.w = max.x - min.x, g.h = max.y - min.y;
  }
  ImGui::PopID();
  return chosen;
}

bool Tile(std::string_view title, std::string_view subtitle, std::string_view id) {
  ImGui::PushID(id.data(), id.data() + id.size());
  bool pressed = card_button(title, g_fonts.heading, subtitle, false);
  emit(Role::Button, ImGui::GetItemID(), title, subtitle);
  bool fired = activated(pressed);
  ImGui::PopID();
  return fired;
}

bool BackButton(std::string_view label) {
  std::string text = "< " + std::string(label);
  const Theme& t = theme();
  ImGui::PushStyleColor(ImGuiCol_Button, t.background);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.surface_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, t.surface_active);
  ImGui::PushStyleColor(ImGuiCol_Text, t.link);
  bool pressed = ImGui::Button((text + "##back").c_str(), ImVec2(0, t.touch_target));
  ImGui::PopStyleColor(4);
  emit(Role::Button, ImGui::GetItemID(), label);
  return activated(pressed);
}

void Separator() { ImGui::Dummy(ImVec2(0, theme().section_gap)); }

}  // namespace madoguchi::ui
