// Colours and sizes of the app: touch targets of at least 44 CSS px, text contrast above 4.5:1.
#pragma once
#include <imgui.h>

namespace madoguchi::ui {

struct Theme {
  ImU32 background, surface, surface_hover, surface_active, border;
  ImU32 text, text_secondary, link, accent, on_accent;
  ImU32 error;  // error text and the border of a field with a problem
  float touch_target = 48.0f;  // CSS px; WCAG 2.5.5 asks 44
  float tile_padding = 16.0f, tile_gap = 6.0f, section_gap = 12.0f, rounding = 10.0f;
  float body_size = 17.0f, heading_size = 22.0f;  // CSS px
  float line_height = 1.5f, heading_line_height = 1.3f;  // times the font size: body text breathes, headings less
};

const Theme& theme();
void apply_theme(ImGuiStyle& style);

}  // namespace madoguchi::ui
