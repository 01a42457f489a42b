// One light theme for now: near-black text on white (16:1), secondary text #4a4a4a (8.9:1),
// link/accent #0b57b0 on white (6.9:1) and white on accent, errors #b3261e on white (6.5:1).
#include "theme.hpp"

namespace madoguchi::ui {

const Theme& theme() {
  static const Theme t{
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF), IM_COL32(0xF4, 0xF6, 0xF9, 0xFF), IM_COL32(0xE8, 0xEE, 0xF6, 0xFF),
      IM_COL32(0xD6, 0xE2, 0xF2, 0xFF), IM_COL32(0xB8, 0xC2, 0xCE, 0xFF),
      IM_COL32(0x1A, 0x1A, 0x1A, 0xFF), IM_COL32(0x4A, 0x4A, 0x4A, 0xFF), IM_COL32(0x0B, 0x57, 0xB0, 0xFF),
      IM_COL32(0x0B, 0x57, 0xB0, 0xFF), IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),
      IM_COL32(0xB3, 0x26, 0x1E, 0xFF)};
  return t;
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
