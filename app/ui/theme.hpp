// Colours and sizes of the app: touch targets of at least 44 CSS px, text contrast above 4.5:1 in both the
// standard and the high-contrast colours (tests/unit/theme_test.cpp measures every pair).
#pragma once
#include <imgui.h>

namespace madoguchi::ui {

struct Theme {
  ImU32 background, surface, surface_hover, surface_active, border;
  ImU32 text, text_secondary, link, accent, on_accent;
  ImU32 error;  // error text and the border of a field with a problem
  float border_width = 1.0f;   // of buttons, tiles and fields at rest
  float touch_target = 48.0f;  // CSS px; WCAG 2.5.5 asks 44; grows with the text
  float tile_padding = 16.0f, tile_gap = 6.0f, section_gap = 12.0f, rounding = 10.0f;
  float body_size = 17.0f, heading_size = 22.0f;  // CSS px
  float line_height = 1.5f, heading_line_height = 1.3f;  // times the font size: body text breathes, headings less
  float text_scale = 1.0f;  // the resident's text size, 1 to 2 (body_size and heading_size include it)
};

const Theme& theme();

// The resident's display settings: the high-contrast colours, and text (with the touch targets that
// hold it) at `text_percent`. True when the theme changed: the style and the font atlas need redoing.
bool use_display(bool high_contrast, int text_percent);

// The theme as it is with `high_contrast` at 100 % text, for tests of its colours.
Theme theme_for(bool high_contrast);

void apply_theme(ImGuiStyle& style);

}  // namespace madoguchi::ui
