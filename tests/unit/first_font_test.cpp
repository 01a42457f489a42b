// The home font (tools/first-font --home, which home's first frame waits for) draws all home shows; the
// first font, just after, every text the catalog and the messages hold, as the full font would; the full
// font, arriving later, takes their place for typed kanji.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "core/extra_fonts.hpp"
#include "core/glyph_set.hpp"
#include "core/localized_text.hpp"
#include "portal_fixture.hpp"
#include "ui/font_atlas.hpp"

using namespace madoguchi;

#ifdef WEB_BUILD_SITE_DIR
namespace {
std::vector<unsigned char> home_font() { return fixtures::web_build_file("fonts/ui-ja-home.ttf"); }
std::vector<unsigned char> first_font() { return fixtures::web_build_file("fonts/ui-ja-first.ttf"); }
std::vector<unsigned char> full_font() { return fixtures::read_bytes(UI_FONT_FILE); }

// As the app starts: the Japanese font with the language switch's names merged in.
ui::FontAtlasBuilder starting_builder(std::vector<unsigned char> main_font) {
  ui::FontAtlasBuilder builder(std::move(main_font));
  const auto slot = static_cast<std::size_t>(&language_names_font() - extra_fonts().data());
  REQUIRE(builder.set_merged_font(slot, fixtures::web_build_file(std::string(language_names_font().file))));
  return builder;
}

bool draws(const ui::Fonts& fonts, char32_t c) { return fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr; }

// The code points of `wanted` the full font draws and `builder`'s font does not, each built for `glyphs`.
std::vector<unsigned> lacking(ui::FontAtlasBuilder& builder, const GlyphSet& glyphs, const GlyphSet& wanted) {
  ui::FontAtlasBuilder full = starting_builder(full_font());
  ImFontAtlas atlas, full_atlas;
  ui::Fonts fonts, full_fonts;
  REQUIRE(builder.build(atlas, glyphs, 1.0f, fonts));
  REQUIRE(full.build(full_atlas, glyphs, 1.0f, full_fonts));
  std::vector<unsigned> out;
  for (char32_t c : wanted)
    if (draws(full_fonts, c) && !draws(fonts, c)) out.push_back(static_cast<unsigned>(c));
  return out;
}
}  // namespace

TEST_CASE("the first font draws every character of the catalog and of the messages that the full font draws", "[first-font]") {
  const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  const Messages messages = fixtures::real_messages();
  // Every language's messages: the Chinese, Korean and Vietnamese ones take from the Japanese font what it has.
  GlyphSet glyphs = glyphs_for(catalog, messages);
  for (std::string_view lang : kUiLanguages) add_message_glyphs(glyphs, messages, lang);

  ui::FontAtlasBuilder first = starting_builder(first_font());
  CHECK(lacking(first, glyphs, glyphs) == std::vector<unsigned>{});
  // It is what makes the first load small: a tenth of the full font or less.
  CHECK(first_font().size() * 8 < full_font().size());
}

namespace {
// What is drawn before the first font comes, as the mirror names it: home (as it opens, with a search that
// finds and one that does not, with the resident's applications), each banner, the display settings, and
// a screen past home loading or failed to load.
GlyphSet shown_before_first_font(fixtures::Portal& p, const char* lang) {
  GlyphSet shown;
  const auto draw = [&] {
    p.frame();
    p.frame();
    for (const auto& node : p.tree.nodes()) add_glyphs(shown, node.name + node.description);
  };
  p.nav = {};
  p.nav.language = lang;
  draw();
  for (const char* query : {"tennyu", "zzz"}) {
    p.nav.search = query;
    draw();
  }
  p.nav.search.clear();
  p.nav.drafts["tennyu-todoke"].values.set("new_address", "x");
  draw();
  p.nav.online = false;
  draw();
  p.nav.online = true;
  p.nav.update_ready = true;
  draw();
  for (const char* problem : {"storage.error.quota", "storage.error.unavailable", "storage.error.unreadable"}) {
    p.nav.storage_problem = problem;
    draw();
  }
  p.nav.storage_problem.clear();
  p.nav.current = Route{Screen::Settings, {}, {}};
  draw();
  p.nav.current = Route{Screen::Event, "birth", {}};
  for (ui::PastHome state : {ui::PastHome::Loading, ui::PastHome::Failed}) {
    p.past_home = state;
    draw();
  }
  p.past_home = ui::PastHome::Ready;
  return shown;
}
}  // namespace

TEST_CASE("the home font draws everything shown before the first font, in Japanese, English and やさしい日本語, then gives way",
          "[first-font]") {
  fixtures::Portal home;
  GlyphSet shown;
  for (const char* lang : {"ja", "en", "ja-x-easy"}) {
    const GlyphSet more = shown_before_first_font(home, lang);
    shown.insert(more.begin(), more.end());
  }
  // Only what the first font's arrival replaces: a screen past home waits for it.
  CHECK(shown.count(U'疾') == 0);
  const GlyphSet glyphs = glyphs_for(home.catalog, home.messages);
  ui::FontAtlasBuilder builder = starting_builder(home_font());
  CHECK(lacking(builder, glyphs, shown) == std::vector<unsigned>{});
  // 介護認定's 特定疾病: past home, the first font's to draw; so its arrival rebuilds at once.
  CHECK(lacking(builder, glyphs, {U'疾'}) == std::vector<unsigned>{U'疾'});
  CHECK(builder.draws_missing(first_font()));
  CHECK(home_font().size() * 3 < first_font().size() * 2);
}

TEST_CASE("the full font takes the first one's place: a typed name kanji draws once it has come", "[first-font]") {
  const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  GlyphSet glyphs = glyphs_for(catalog, fixtures::real_messages());
  ui::FontAtlasBuilder builder = starting_builder(first_font());
  ImFontAtlas atlas;
  ui::Fonts fonts;
  REQUIRE(builder.build(atlas, glyphs, 1.0f, fonts));
  CHECK_FALSE(builder.draws_missing(full_font()));  // the first frame: the full font would draw nothing more

  add_glyphs(glyphs, "髙﨑");  // a resident's name: in cp932, in no catalog or message text
  REQUIRE(builder.build(atlas, glyphs, 1.0f, fonts));
  CHECK_FALSE(draws(fonts, U'髙'));
  CHECK(builder.draws_missing(full_font()));  // so the full font's arrival rebuilds at once

  CHECK_FALSE(builder.set_main_font(std::vector<unsigned char>(1000, 0x42)));  // a damaged download is ignored
  REQUIRE(builder.set_main_font(full_font()));
  REQUIRE(builder.build(atlas, glyphs, 1.0f, fonts));
  CHECK(draws(fonts, U'髙'));
  CHECK(draws(fonts, U'﨑'));
  CHECK(draws(fonts, U'転'));
  CHECK_FALSE(builder.draws_missing(full_font()));
}
#endif
