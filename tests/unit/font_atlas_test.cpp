// The atlas for a 3x phone holds the UI's glyphs within a 4096 px texture; a broken font is refused.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "core/glyph_set.hpp"
#include "fixtures.hpp"
#include "ui/font_atlas.hpp"

using namespace madoguchi;

namespace {
std::vector<unsigned char> font_bytes() {
  std::string s = fixtures::read_file(UI_FONT_FILE);
  return {s.begin(), s.end()};
}
}  // namespace

TEST_CASE("the atlas at density 3 holds every catalog glyph in one channel within 4 MB", "[font]") {
  auto catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  GlyphSet glyphs = glyphs_for(catalog, fixtures::real_messages());
  glyphs.insert(U'髙');  // a name kanji outside imgui's Japanese range, in the cp932 subset
  ui::FontAtlasBuilder builder(font_bytes());
  ImFontAtlas atlas;
  ui::Fonts fonts;
  REQUIRE(builder.build(atlas, glyphs, 3.0f, fonts));
  REQUIRE(fonts.body);
  unsigned char* pixels;
  int w, h;
  atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
  INFO("atlas " << w << "x" << h << " for " << glyphs.size() << " glyphs");
  CHECK(w <= 4096);
  CHECK(h <= 4096);
  CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(U'髙')) != nullptr);
  CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(U'転')) != nullptr);
  // One size for body text and headings, between the two: body text is drawn at 17 CSS px.
  CHECK(fonts.body->FontSize / fonts.density == Approx(17.0f));
  CHECK(fonts.density > 3.0f);
  CHECK(fonts.density < 3.0f * 22 / 17);
  CHECK(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) <= 4u * 1024 * 1024);  // issue 6: 4 MB, R8
}

TEST_CASE("a damaged font file is refused, not drawn as garbage", "[font]") {
  ui::FontAtlasBuilder builder(std::vector<unsigned char>(1000, 0x42));
  ImFontAtlas atlas;
  ui::Fonts fonts;
  CHECK_FALSE(builder.build(atlas, GlyphSet{U'a'}, 1.0f, fonts));
  CHECK(fonts.body == nullptr);
}
