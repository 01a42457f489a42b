// The atlas must hold every character any screen can show, in every language, and no more.
#include <catch2/catch.hpp>

#include "core/glyph_set.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

TEST_CASE("UTF-8 decodes to code points, including kanji outside the BMP", "[glyphs]") {
  GlyphSet s;
  add_glyphs(s, "a髙𠮷");
  CHECK(s == GlyphSet{U'a', U'髙', U'𠮷'});
  GlyphSet broken;
  add_glyphs(broken, std::string("x\xE3\x81", 3));  // a truncated sequence draws nothing
  CHECK(broken == GlyphSet{U'x'});
}

TEST_CASE("every character of the catalog and the messages is in the set", "[glyphs]") {
  auto load = load_catalog(fixtures::real_catalog_files());
  REQUIRE(load.catalog);
  Messages m = fixtures::real_messages();
  GlyphSet s = glyphs_for(*load.catalog, m);
  for (const auto& e : load.catalog->events) {
    GlyphSet title;
    add_glyphs(title, e.title.in("ja"));
    for (char32_t c : title) CHECK(s.count(c));
  }
  CHECK(s.count(U'あ'));
  CHECK(s.count(U'ア'));
  // A few hundred kanji at most: the atlas stays small at 3x density.
  CHECK(s.size() < 2000);
}
