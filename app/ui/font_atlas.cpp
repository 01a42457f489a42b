// One-pixel oversampling and a non-power-of-two height keep the atlas a quarter of imgui's default.
#include "font_atlas.hpp"

#include <imgui.h>

#include "theme.hpp"

namespace madoguchi::ui {
namespace {

// stb_truetype trusts its input; a file without a TrueType/OpenType signature is refused first.
bool looks_like_truetype(const std::vector<unsigned char>& d) {
  if (d.size() < 12) return false;
  unsigned tag = (unsigned(d[0]) << 24) | (unsigned(d[1]) << 16) | (unsigned(d[2]) << 8) | unsigned(d[3]);
  return tag == 0x00010000u || tag == 0x74727565u /* true */ || tag == 0x4F54544Fu /* OTTO */;
}

}  // namespace

bool FontAtlasBuilder::build(ImFontAtlas& atlas, const GlyphSet& glyphs, float density, Fonts& out) {
  if (!looks_like_truetype(ttf_)) {
    out = Fonts{};
    return false;
  }
  ImFontGlyphRangesBuilder ranges;
  for (char32_t c : glyphs) ranges.AddChar(static_cast<ImWchar>(c));
  ImVector<ImWchar> built;
  ranges.BuildRanges(&built);
  ranges_.assign(built.begin(), built.end());

  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  ImFontConfig cfg;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = false;  // we keep the TTF for rebuilds
  auto* data = ttf_.data();
  int size = static_cast<int>(ttf_.size());
  out.body = atlas.AddFontFromMemoryTTF(data, size, theme().body_size * density, &cfg, ranges_.data());
  out.heading = atlas.AddFontFromMemoryTTF(data, size, theme().heading_size * density, &cfg, ranges_.data());
  if (!out.body || !out.heading || !atlas.Build()) {
    atlas.Clear();
    out = Fonts{};
    return false;
  }
  return true;
}

}  // namespace madoguchi::ui
