// One-pixel oversampling and a non-power-of-two height keep the atlas a quarter of imgui's default.
#include "font_atlas.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "theme.hpp"

namespace madoguchi::ui {
namespace {

// stb_truetype trusts its input; a file without a TrueType/OpenType signature is refused first.
bool looks_like_truetype(const std::vector<unsigned char>& d) {
  if (d.size() < 12) return false;
  unsigned tag = (unsigned(d[0]) << 24) | (unsigned(d[1]) << 16) | (unsigned(d[2]) << 8) | unsigned(d[3]);
  return tag == 0x00010000u || tag == 0x74727565u /* true */ || tag == 0x4F54544Fu /* OTTO */;
}

// (hhea ascender - descender) / head unitsPerEm: imgui gives a font's line that many pixels per pixel
// of em, so a font merged at size x this / the main font's has the main font's em. BIZ UDPGothic's
// line is 1 em, Noto Sans CJK's 1.448 em: at the same size its Hangul would be a third smaller.
std::optional<float> line_per_em(const std::vector<unsigned char>& d) {
  if (!looks_like_truetype(d)) return std::nullopt;
  auto u16 = [&](std::size_t at) { return static_cast<std::uint16_t>(d[at] << 8 | d[at + 1]); };
  auto u32 = [&](std::size_t at) { return std::uint32_t(u16(at)) << 16 | u16(at + 2); };
  std::size_t hhea = 0, head = 0;
  for (std::size_t i = 0, count = u16(4); i < count; ++i) {
    const std::size_t record = 12 + 16 * i;
    if (record + 16 > d.size()) return std::nullopt;
    if (u32(record) == 0x68686561u /* hhea */) hhea = u32(record + 8);
    if (u32(record) == 0x68656164u /* head */) head = u32(record + 8);
  }
  if (hhea == 0 || head == 0 || hhea + 8 > d.size() || head + 20 > d.size()) return std::nullopt;
  const int line = static_cast<std::int16_t>(u16(hhea + 4)) - static_cast<std::int16_t>(u16(hhea + 6));
  const int units_per_em = u16(head + 18);
  if (line <= 0 || units_per_em == 0) return std::nullopt;
  return static_cast<float>(line) / static_cast<float>(units_per_em);
}

// imgui's ranges ({first, last} pairs, then 0) straight from the sorted set. ImFontGlyphRangesBuilder
// would scan every code point up to U+10FFFF for each build: 20 ms of a throttled phone's first frame.
std::vector<ImWchar> ranges_of(const GlyphSet& glyphs) {
  std::vector<ImWchar> ranges;
  for (char32_t c : glyphs) {
    if (c == 0 || c > IM_UNICODE_CODEPOINT_MAX) continue;
    if (!ranges.empty() && ranges.back() + 1 == c) ranges.back() = static_cast<ImWchar>(c);
    else ranges.insert(ranges.end(), {static_cast<ImWchar>(c), static_cast<ImWchar>(c)});
  }
  ranges.push_back(0);
  return ranges;
}

}  // namespace

bool FontAtlasBuilder::set_merged_font(std::size_t slot, std::vector<unsigned char> ttf) {
  if (!line_per_em(ttf)) return false;
  if (merged_.size() <= slot) merged_.resize(slot + 1);
  merged_[slot] = std::move(ttf);
  return true;
}

bool FontAtlasBuilder::set_main_font(std::vector<unsigned char> ttf) {
  if (!line_per_em(ttf)) return false;
  ttf_ = std::move(ttf);
  return true;
}

bool FontAtlasBuilder::build(ImFontAtlas& atlas, const GlyphSet& glyphs, float density, Fonts& out) {
  const std::optional<float> main_line = line_per_em(ttf_);
  if (!main_line) {
    out = Fonts{};
    return false;
  }
  ranges_ = ranges_of(glyphs);

  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  ImFontConfig cfg;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = false;  // we keep the TTF for rebuilds
  // Each size is the main font, then every merged font that has come for the glyphs it lacks.
  auto add = [&](float size) {
    ImFont* font = atlas.AddFontFromMemoryTTF(ttf_.data(), static_cast<int>(ttf_.size()), size, &cfg, ranges_.data());
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    for (auto& m : merged_)
      if (!m.empty())
        atlas.AddFontFromMemoryTTF(m.data(), static_cast<int>(m.size()), size * *line_per_em(m) / *main_line, &merge,
                                   ranges_.data());
    return font;
  };
  // Larger text is rasterised at fewer pixels per CSS px, so 200 % on a 3x phone costs the atlas no more
  // than 100 % does (issue 6: within 4 MB); it is drawn a little softer, never larger than the screen.
  const float raster = std::min(density, kMaxRasterScale / theme().text_scale);
  // One size serves body text and headings, rasterised between the two (their geometric mean): body
  // text is drawn a little smaller than its glyphs and headings a little larger, both still crisp, and
  // the atlas holds each glyph once: half the pixels of a body and a heading size (issue 6: 4 MB).
  const float size = std::sqrt(theme().body_size * theme().heading_size);
  out.density = raster * size / theme().body_size;
  out.body = add(size * raster);
  atlas.TexDesiredWidth = width_;
  bool ok = out.body && atlas.Build();
  // imgui picks the width from the glyphs' total area and packs below it; with Hangul or hanzi merged
  // at 3x that can run past a 4096 px texture, which a wider atlas of the same area avoids. Kept for
  // the next builds (glyph sets only grow), so typing does not pay for two builds each time.
  if (ok && atlas.TexHeight > 4096 && atlas.TexWidth < 4096) {
    width_ = atlas.TexDesiredWidth = 4096;
    ok = atlas.Build();
  }
  if (!ok) {
    atlas.Clear();
    out = Fonts{};
    return false;
  }
  missing_.clear();
  for (char32_t c : glyphs)
    if (!out.body->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing_.insert(c);
  return true;
}

bool FontAtlasBuilder::draws_missing(const std::vector<unsigned char>& ttf) const {
  if (missing_.empty() || !line_per_em(ttf)) return false;
  // A tiny atlas of only those glyphs: imgui packs what the font has and skips the rest.
  const std::vector<ImWchar> ranges = ranges_of(missing_);
  ImFontAtlas probe;
  ImFontConfig cfg;
  cfg.OversampleH = cfg.OversampleV = 1;
  cfg.FontDataOwnedByAtlas = false;
  ImFont* font = probe.AddFontFromMemoryTTF(const_cast<unsigned char*>(ttf.data()), static_cast<int>(ttf.size()), 4.0f, &cfg,
                                            ranges.data());
  if (!font || !probe.Build()) return false;
  for (char32_t c : missing_)
    if (font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return true;
  return false;
}

}  // namespace madoguchi::ui
