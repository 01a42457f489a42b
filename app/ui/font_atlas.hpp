// Builds the font atlas for the glyphs the UI needs, at the screen's pixel density, so text is
// crisp on a 3x phone and the atlas stays small (shared/design/architecture.md, "Text and DPI").
#pragma once
#include <imgui.h>

#include <vector>

#include "core/glyph_set.hpp"
#include "widgets.hpp"

namespace madoguchi::ui {

class FontAtlasBuilder {
 public:
  explicit FontAtlasBuilder(std::vector<unsigned char> ttf) : ttf_(std::move(ttf)) {}

  // Rebuilds `atlas` with body and heading fonts at theme sizes x `density`; false if the font
  // data cannot be read. Text is then drawn with io.FontGlobalScale = 1 / density.
  bool build(ImFontAtlas& atlas, const GlyphSet& glyphs, float density, Fonts& out);

 private:
  std::vector<unsigned char> ttf_;
  std::vector<ImWchar> ranges_;  // must outlive the atlas build
};

}  // namespace madoguchi::ui
