// Standard: near-black text on white (16:1), secondary text #4a4a4a (8.9:1), link/accent #0b57b0 on
// white (6.9:1) and white on accent, errors #b3261e on white (6.5:1). High contrast: black on white,
// white controls with black 2 px outlines, link/accent #0033a0 (12:1), errors #9b0000 (10:1).
#include "theme.hpp"

#include <algorithm>

namespace madoguchi::ui {
namespace {

Theme g_theme = theme_for(false);
bool g_high_contrast = false;
int g_text_percent = 100;

}  // namespace

Theme theme_for(bool high_contrast) {
  if (!high_contrast)
    return Theme{IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0xF4, 0xF6, 0xF9, 0xFF), IM_COL32(0xE8, 0xEE, 0xF6, 0xFF),
                 IM_COL32(0xD6, 0xE2, 0xF2, 0xFF), IM_COL32(0xB8, 0xC2, 0xCE, 0xFF),
                 IM_COL32(0x1A, 0x1A, 0x1A, 0xFF), IM_COL32(0x4A, 0x4A, 0x4A, 0xFF), IM_COL32(0x0B, 0x57, 0xB0, 0xFF),
                 IM_COL32(0x0B, 0x57, 0xB0, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
                 IM_COL32(0xB3, 0x26, 0x1E, 0xFF)};
  Theme t{IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0xE6, 0xE6, 0xE6, 0xFF),
          IM_COL32(0xCC, 0xCC, 0xCC, 0xFF), IM_COL32(0x00, 0x00, 0x00, 0xFF),
          IM_COL32(0x00, 0x00, 0x00, 0xFF), IM_COL32(0x26, 0x26, 0x26, 0xFF), IM_COL32(0x00, 0x33, 0xA0, 0xFF),
          IM_COL32(0x00, 0x33, 0xA0, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
          IM_COL32(0x9B, 0x00, 0x00, 0xFF)};
  t.border_width = 2.0f;
  return t;
}

const Theme& theme() { return g_theme; }

bool use_display(bool high_contrast, int text_percent) {
  if (high_contrast == g_high_contrast && text_percent == g_text_percent) return false;
  g_high_contrast = high_contrast;
  g_text_percent = text_percent;
  g_theme = theme_for(high_contrast);
  g_theme.text_scale = static_cast<float>(text_percent) / 100.0f;
  g_theme.body_size *= g_theme.text_scale;
  g_theme.heading_size *= g_theme.text_scale;
  // A button holds one line of its text with room around it: 48 px up to 125 %, then with the text.
  g_theme.touch_target = std::max(g_theme.touch_target, g_theme.body_size * 2.4f);
  return true;
}

void apply_theme(ImGuiStyle& style) {
  const Theme& t = theme();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(16, 16);
  style.FramePadding = ImVec2(16, 12);
  style.ItemSpacing = ImVec2(10, 12);
  style.ItemInnerSpacing = ImVec2(8, 8);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.FrameRounding = t.rounding;
  style.FrameBorderSize = t.border_width > 1.0f ? t.border_width : 0.0f;  // standard buttons are told by their fill
  style.ScrollbarSize = 6;
  style.ScrollbarRounding = 3;
  style.TouchExtraPadding = ImVec2(0, 0);
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
  style.Colors[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(t.surface);
  style.Colors[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(t.surface_hover);
  style.Colors[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(t.surface_active);
  style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.border);
}

}  // namespace madoguchi::ui
