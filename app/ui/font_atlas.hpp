// Builds the font atlas for the glyphs the UI needs, at the screen's pixel density, so text is
// crisp on a 3x phone and the atlas stays small (shared/design/architecture.md, "Text and DPI").
#pragma once
#include <imgui.h>

#include <cstddef>
#include <vector>

#include "core/glyph_set.hpp"
#include "widgets.hpp"

namespace madoguchi::ui {

// A 3x phone's density: glyphs are never rasterised larger than the 100 % text at 3x.
inline constexpr float kMaxRasterScale = 3.0f;

class FontAtlasBuilder {
 public:
  explicit FontAtlasBuilder(std::vector<unsigned char> ttf) : ttf_(std::move(ttf)) {}

  // A font merged into the main one for the glyphs it lacks (core/extra_fonts.hpp), at the same em
  // size; slots merge in order, so where two hold a glyph the lower slot's is drawn. False, keeping
  // nothing, when `ttf` is not a TrueType or OpenType font.
  bool set_merged_font(std::size_t slot, std::vector<unsigned char> ttf);

  // Replaces the main font for the next build: the full font arriving after the first one, a subset
  // the first frame needed. False, keeping the old one, when `ttf` is not a TrueType or OpenType font.
  bool set_main_font(std::vector<unsigned char> ttf);

  // Rebuilds `atlas` with one font for body text and headings, at `density` device pixels per CSS px
  // (less for text enlarged past kMaxRasterScale at 100 %); false if the font data cannot be read. Text
  // is then drawn with io.FontGlobalScale = 1 / out.density.
  bool build(ImFontAtlas& atlas, const GlyphSet& glyphs, float density, Fonts& out);

  // Whether `ttf` holds a glyph of the last build's set that the build lacked (drew as the fallback):
  // only then is a font that arrives worth a rebuild at once, not just when new text next needs one.
  bool draws_missing(const std::vector<unsigned char>& ttf) const;

 private:
  std::vector<unsigned char> ttf_;
  std::vector<std::vector<unsigned char>> merged_;  // by slot; empty while that font has not come
  std::vector<ImWchar> ranges_;  // must outlive the atlas build
  GlyphSet missing_;  // of the last build's set, what no font had
  int width_ = 0;  // 0: imgui's choice; 4096 once a build did not fit below a narrower one
};

}  // namespace madoguchi::ui
