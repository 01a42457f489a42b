// Paragraphs in an ImGui font, broken into lines by core/line_breaking and drawn one line at a time with
// a comfortable line height: ImGui 1.86 puts lines exactly one font size apart and has no setting for it.
#pragma once
#include <imgui.h>

#include <boost/container/small_vector.hpp>
#include <string_view>

#include "core/line_breaking.hpp"

namespace madoguchi::ui {

// One line of text at `font_size` px: `factor` times it, on whole pixels so every line keeps the same rhythm.
float line_height(float font_size, float factor);

class TextLayout {
 public:
  // Lays out `text` (which must outlive the layout) in `font` at `size` px: lines at most `wrap_width` wide,
  // `line_height` apart.
  TextLayout(std::string_view text, const ImFont* font, float size, float wrap_width, float line_height);

  // The widest line, by the number of lines times the line height.
  ImVec2 size() const { return size_; }
  int line_count() const { return static_cast<int>(lines_.size()); }

  // Each line below `pos` with half the leading above its glyphs, as CSS does; `underline` puts a rule under
  // each line's glyphs (a link). Lines outside the draw list's clip rectangle are skipped.
  void draw(ImDrawList* draw_list, ImVec2 pos, ImU32 color, bool underline = false) const;

 private:
  std::string_view text_;
  const ImFont* font_;
  float font_size_, line_height_;
  boost::container::small_vector<Line, 8> lines_;  // a phone paragraph rarely needs more: no allocation
  ImVec2 size_;
};

// `text` in the current font and `color`, wrapped to the content region, as one ImGui item (ItemSize and
// ItemAdd with the whole block) so the item rectangle, what follows and the scroll range see every line.
void WrappedText(std::string_view text, ImU32 color, float line_factor);

}  // namespace madoguchi::ui
