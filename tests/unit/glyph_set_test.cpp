// The atlas must hold every character any screen can show, in every language, and no more.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

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

namespace {
// Every string in a JSON value except maintainers' "notes", which residents never see.
void collect_strings(const boost::json::value& v, std::string& out) {
  if (const auto* s = v.if_string()) out += std::string(*s);
  if (const auto* a = v.if_array())
    for (const auto& e : *a) collect_strings(e, out);
  if (const auto* o = v.if_object())
    for (const auto& kv : *o)
      if (kv.key() != "notes") collect_strings(kv.value(), out);
}
}  // namespace

TEST_CASE("every character a resident can see in the catalog and the messages is in the set", "[glyphs]") {
  auto files = fixtures::real_catalog_files();
  auto load = load_catalog(files);
  REQUIRE(load.catalog);
  Messages m = fixtures::real_messages();
  GlyphSet s = glyphs_for(*load.catalog, m);
  for (const auto& f : files) {
    std::string text;
    collect_strings(boost::json::parse(f.text), text);
    GlyphSet needed;
    add_glyphs(needed, text);
    for (char32_t c : needed) {
      INFO(f.path << ": U+" << std::hex << static_cast<unsigned>(c));
      CHECK(s.count(c));
    }
  }
  CHECK(s.count(U'あ'));
  CHECK(s.count(U'ア'));
  // Well under the cp932 repertoire of 7,000+: the atlas stays small at 3x density.
  CHECK(s.size() < 3000);
}
