// Each widget draws with Dear ImGui, then adds its node to the semantic tree with the item's
// rectangle, and also fires when the mirror activates it (the same result as a tap).
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "text_layout.hpp"
#include "theme.hpp"

namespace madoguchi::ui {
namespace {

SemanticTree* g_tree = nullptr;

// Tab moved the keyboard's focus to the item just drawn: if it is off screen, it comes into view with
// its focus ring.
void reveal_if_focused(std::uint32_t id) {
  if (!g_tree || !g_tree->take_reveal(id)) return;
  const float top = ImGui::GetWindowPos().y, bottom = top + ImGui::GetWindowHeight();
  if (ImGui::GetItemRectMin().y < top || ImGui::GetItemRectMax().y > bottom) ImGui::SetScrollHereY(0.5f);
}

void emit(Role role, std::uint32_t id, std::string_view name, std::string_view description = {}, int level = 0) {
  if (!g_tree) return;
  reveal_if_focused(id);
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

void wrapped_text(std::string_view text, ImU32 color, float line_factor = theme().line_height) {
  WrappedText(text, color, line_factor);
}

bool activated(bool pressed) {
  ImGuiID id = ImGui::GetItemID();
  return (g_tree && g_tree->take_activation(id)) || pressed;
}

}  // namespace

void bind_frame(SemanticTree* tree) { g_tree = tree; }

void Heading(std::string_view text, int level) {
  if (level <= 2) ImGui::SetWindowFontScale(theme().heading_size / theme().body_size);
  wrapped_text(text, theme().text, theme().heading_line_height);
  if (level <= 2) ImGui::SetWindowFontScale(1.0f);
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
bool card_button(std::string_view title, bool heading_title, std::string_view subtitle, bool selected) {
  const Theme& t = theme();
  float width = ImGui::GetContentRegionAvail().x;
  float pad = t.tile_padding;
  float inner = width - 2 * pad;
  const float sub_size = ImGui::GetFontSize();
  const float title_size = heading_title ? sub_size * t.heading_size / t.body_size : sub_size;
  const TextLayout title_text(title, ImGui::GetFont(), title_size, inner,
                              line_height(title_size, heading_title ? t.heading_line_height : t.line_height));
  const TextLayout sub_text(subtitle, ImGui::GetFont(), sub_size, inner, line_height(sub_size, t.line_height));
  const float content = title_text.size().y + (subtitle.empty() ? 0 : t.tile_gap + sub_text.size().y);
  const float height = std::max(t.touch_target, pad + content + pad);

  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton("card", ImVec2(width, height));
  ImU32 bg = selected ? t.accent : ImGui::IsItemActive() ? t.surface_active : ImGui::IsItemHovered() ? t.surface_hover : t.surface;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), bg, t.rounding);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), selected ? t.accent : t.border, t.rounding, 0, t.border_width);
  const float top = pos.y + (height - content) / 2;
  title_text.draw(dl, ImVec2(pos.x + pad, top), selected ? t.on_accent : t.text);
  if (!subtitle.empty())
    sub_text.draw(dl, ImVec2(pos.x + pad, top + title_text.size().y + t.tile_gap), selected ? t.on_accent : t.text_secondary);
  return pressed;
}

float button_width(std::string_view label) {
  return ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 2 * ImGui::GetStyle().FramePadding.x;
}

}  // namespace

namespace {

// Draws `visible`, mirrors it as `name`: the one body of Button and LabelledButton.
bool named_button(std::string_view visible, std::string_view name, std::string_view id, bool selected, bool disabled) {
  ImGui::PushID(id.data(), id.data() + id.size());
  if (disabled) ImGui::BeginDisabled();
  // A label longer than the row wraps inside a full-width button rather than running off the screen.
  bool pressed = button_width(visible) <= ImGui::GetContentRegionAvail().x ? choice_button(visible, selected)
                                                                            : card_button(visible, false, {}, selected);
  if (disabled) ImGui::EndDisabled();
  emit(Role::Button, ImGui::GetItemID(), name);
  if (disabled && g_tree) g_tree->at(g_tree->nodes().size() - 1).disabled = true;
  bool fired = activated(pressed) && !disabled;
  ImGui::PopID();
  return fired;
}

}  // namespace

bool Button(std::string_view label, std::string_view id, bool selected, bool disabled) {
  return named_button(label, label, id, selected, disabled);
}

bool LabelledButton(std::string_view visible, std::string_view accessible_name, std::string_view id) {
  return named_button(visible, accessible_name, id, false, false);
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
    bool pressed = one_row ? choice_button(options[i], is_selected) : card_button(options[i], false, {}, is_selected);
    reveal_if_focused(ImGui::GetItemID());
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
  bool pressed = card_button(title, true, subtitle, false);
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

void SameLineIfFits(std::string_view next_label) {
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float next_x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (next_x + button_width(next_label) <= right_edge) ImGui::SameLine();
}

void ErrorText(std::string_view text) {
  wrapped_text(text, theme().error);
  emit(Role::Text, text_id(Role::Text, text), text);
}

bool LinkText(std::string_view text, std::string_view id) {
  ImGui::PushID(id.data(), id.data() + id.size());
  const Theme& t = theme();
  const float width = ImGui::GetContentRegionAvail().x, size = ImGui::GetFontSize();
  const TextLayout layout(text, ImGui::GetFont(), size, width, line_height(size, t.line_height));
  const float height = std::max(layout.size().y, t.touch_target);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("link", ImVec2(width, height));
  // Underlined line by line, as links are, so a link never relies on colour alone.
  layout.draw(ImGui::GetWindowDrawList(), ImVec2(pos.x, pos.y + (height - layout.size().y) / 2), t.link, true);
  emit(Role::Link, ImGui::GetItemID(), text);
  const bool fired = activated(pressed);
  ImGui::PopID();
  return fired;
}

void Alert(std::string_view text) {
  wrapped_text(text, theme().error);
  emit(Role::Alert, text_id(Role::Alert, text), text);
}

void Picture(ImTextureID texture, ImVec2 size, std::string_view alt, std::string_view placeholder) {
  const Theme& t = theme();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + size.x, pos.y + size.y);
  if (texture) {
    dl->AddImage(texture, pos, end);
  } else {
    dl->AddRectFilled(pos, end, t.surface);
    const ImVec2 text = ImGui::CalcTextSize(placeholder.data(), placeholder.data() + placeholder.size());
    dl->AddText(ImVec2(pos.x + (size.x - text.x) / 2, pos.y + (size.y - text.y) / 2), t.text,
                placeholder.data(), placeholder.data() + placeholder.size());
  }
  dl->AddRect(pos, end, t.border, 0.0f, 0, t.border_width);
  emit(Role::Image, text_id(Role::Image, alt), alt);
}

void Status(std::string_view text) {
  wrapped_text(text, theme().text);
  emit(Role::Status, text_id(Role::Status, text), text);
}

std::optional<std::string> TextField(const TextFieldSpec& f) {
  const Theme& t = theme();
  ImGui::PushID(f.id.data(), f.id.data() + f.id.size());
  wrapped_text(f.label, t.text);
  if (!f.hint.empty()) wrapped_text(f.hint, t.text_secondary);
  std::string error_line;
  if (!f.error.empty()) {
    error_line = std::string(f.error_prefix) + std::string(f.error);
    wrapped_text(error_line, t.error);
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("field", ImVec2(width, t.touch_target));
  const std::uint32_t id = ImGui::GetItemID();
  const bool editing = g_tree && g_tree->editing() == id;
  if ((g_tree && g_tree->take_reveal(id)) || f.reveal) ImGui::SetScrollHereY(0.3f);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + width, pos.y + t.touch_target);
  dl->AddRectFilled(pos, end, t.background, t.rounding / 2);
  const ImU32 border = !f.error.empty() ? t.error : editing ? t.accent : t.text_secondary;
  dl->AddRect(pos, end, border, t.rounding / 2, 0, editing || !f.error.empty() ? 3.0f : std::max(1.5f, t.border_width));
  // A passphrase shows as one dot per character, editing or not, as the browser's password field does.
  std::string dots;
  if (f.secret)
    for (unsigned char c : f.value)
      if ((c & 0xC0) != 0x80) dots += "\u25CF";
  const std::string_view shown = f.secret ? std::string_view(dots)
                                 : editing || f.shown_value.empty() ? f.value : f.shown_value;
  const float pad = 12.0f;
  const ImVec4 clip(pos.x + pad, pos.y, end.x - pad, end.y);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad, pos.y + (t.touch_target - ImGui::GetFontSize()) / 2),
              t.text, shown.data(), shown.data() + shown.size(), 0.0f, &clip);

  if (g_tree) {
    SemanticNode n;
    n.id = id;
    n.role = Role::TextBox;
    n.name = std::string(f.label);
    n.description = std::string(f.hint);
    if (!error_line.empty()) n.description += (n.description.empty() ? "" : " ") + error_line;
    n.value = std::string(f.value);
    n.input_mode = std::string(f.input_mode);
    n.autocomplete = std::string(f.autocomplete);
    n.invalid = !f.error.empty();
    n.required = f.required;
    n.secret = f.secret;
    // The app asked for this field (an error summary link, "change" on the review): focus goes there too, so
    // a screen reader and a keyboard land where the eye does.
    n.take_focus = f.reveal;
    n.x = pos.x, n.y = pos.y, n.w = width, n.h = t.touch_target;
    g_tree->add(std::move(n));
  }
  std::optional<std::string> typed = g_tree ? g_tree->take_text(id) : std::nullopt;
  ImGui::PopID();
  if (typed && *typed == f.value) return std::nullopt;
  return typed;
}

bool Checkbox(std::string_view label, std::string_view id, bool checked) {
  const Theme& t = theme();
  ImGui::PushID(id.data(), id.data() + id.size());
  const float width = ImGui::GetContentRegionAvail().x;
  const float box = 28.0f, gap = 12.0f;
  const float text_width = width - box - gap, size = ImGui::GetFontSize();
  const TextLayout text(label, ImGui::GetFont(), size, text_width, line_height(size, t.line_height));
  const float height = std::max(t.touch_target, text.size().y + 8.0f);  // plus the lines' own leading
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("checkbox", ImVec2(width, height));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 box_min(pos.x, pos.y + (height - box) / 2), box_max(box_min.x + box, box_min.y + box);
  dl->AddRectFilled(box_min, box_max, checked ? t.accent : t.background, 4.0f);
  dl->AddRect(box_min, box_max, checked ? t.accent : t.text_secondary, 4.0f, 0, 2.0f);
  if (checked) {
    const ImVec2 a(box_min.x + 6, box_min.y + 14), b(box_min.x + 12, box_min.y + 20), c(box_min.x + 22, box_min.y + 8);
    dl->AddLine(a, b, t.on_accent, 3.0f);
    dl->AddLine(b, c, t.on_accent, 3.0f);
  }
  text.draw(dl, ImVec2(pos.x + box + gap, pos.y + (height - text.size().y) / 2), t.text);
  reveal_if_focused(ImGui::GetItemID());
  if (g_tree) {
    SemanticNode n;
    n.id = ImGui::GetItemID();
    n.role = Role::Checkbox;
    n.name = std::string(label);
    n.checked = checked;
    n.x = pos.x, n.y = pos.y, n.w = width, n.h = height;
    g_tree->add(std::move(n));
  }
  const bool fired = activated(pressed);
  ImGui::PopID();
  return fired;
}

}  // namespace madoguchi::ui
