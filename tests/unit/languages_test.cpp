// The six UI languages over a catalog in three: the fallback order of catalog texts, legal names a
// counter recognises, the language switch, and the extra fonts for what the Japanese font lacks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <imgui.h>

#include "core/extra_fonts.hpp"
#include "core/glyph_set.hpp"
#include "portal_fixture.hpp"
#include "ui/font_atlas.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;

namespace {
std::vector<std::string_view> chain(std::string_view lang) {
  const LanguageChain c = fallback_languages(lang);
  return {c.begin(), c.end()};
}

LocalizedText text(std::map<std::string, std::string, std::less<>> by_language) { return {std::move(by_language)}; }
}  // namespace

TEST_CASE("a foreign reader falls back to English, then Japanese; a Japanese one to Japanese", "[languages]") {
  using V = std::vector<std::string_view>;
  CHECK(chain("ja") == V{"ja"});
  CHECK(chain("en") == V{"en", "ja"});
  CHECK(chain("ja-x-easy") == V{"ja-x-easy", "ja"});
  CHECK(chain("zh-Hans") == V{"zh-Hans", "en", "ja"});
  CHECK(chain("ko") == V{"ko", "en", "ja"});
  CHECK(chain("vi") == V{"vi", "en", "ja"});

  const LocalizedText all = text({{"ja", "転入届"}, {"en", "Moving-in notification"}, {"ja-x-easy", "ひっこしの とどけ"}});
  CHECK(all.in("ko") == "Moving-in notification");
  CHECK(all.in("zh-Hans") == "Moving-in notification");
  CHECK(all.in("ja-x-easy") == "ひっこしの とどけ");
  const LocalizedText japanese_only = text({{"ja", "転入届"}});
  CHECK(japanese_only.in("vi") == "転入届");
  CHECK(japanese_only.in("ja-x-easy") == "転入届");
  const LocalizedText no_easy = text({{"ja", "転入届"}, {"en", "Moving-in notification"}});
  CHECK(no_easy.in("ja-x-easy") == "転入届");  // plain Japanese falls back to Japanese, never English
  CHECK(text({}).in("ko").empty());

  const std::vector<std::string> catalog{"ja", "en", "ja-x-easy"};
  CHECK(first_available("ko", catalog) == "en");
  CHECK(first_available("en", catalog) == "en");
  CHECK(first_available("ja-x-easy", catalog) == "ja-x-easy");
  CHECK(first_available("vi", {"ja"}) == "ja");
  CHECK(first_available("vi", {}).empty());
}

TEST_CASE("a legal name shown in a fallback language keeps its Japanese name for the counter", "[languages]") {
  const LocalizedText title = text({{"ja", "転入届"}, {"en", "Moving-in notification"}, {"ja-x-easy", "ひっこしの とどけ"}});
  CHECK(counter_name(title, "ko") == "Moving-in notification (転入届)");
  CHECK(counter_name(title, "vi") == "Moving-in notification (転入届)");
  CHECK(counter_name(title, "en") == "Moving-in notification");
  CHECK(counter_name(title, "ja") == "転入届");
  CHECK(counter_name(title, "ja-x-easy") == "ひっこしの とどけ");
  CHECK(counter_name(text({{"ja", "転入届"}}), "ko") == "転入届");
}

TEST_CASE("the switch offers every UI language in itself, and says when procedures are in English", "[languages]") {
  Portal p;
  p.frame();
  const std::vector<std::string> in_itself{"日本語", "English", "やさしい にほんご", "简体中文", "한국어", "Tiếng Việt"};
  std::vector<std::string> names;
  for (const auto& n : p.tree.nodes())
    if (n.role == ui::Role::Button && std::find(in_itself.begin(), in_itself.end(), n.name) != in_itself.end())
      names.push_back(n.name);
  CHECK(names == in_itself);

  p.tree.request_activation(find(p.tree, ui::Role::Button, "한국어")->id);
  p.frame();
  p.frame();
  CHECK(p.nav.language == "ko");
  CHECK(find(p.tree, ui::Role::Heading, "어떤 일이 있으셨나요?"));
  CHECK(find(p.tree, ui::Role::Text, "절차 안내는 아직 한국어로 번역되지 않아 다음 언어로 표시합니다: English"));
  const LifeEvent& moving_in = *p.catalog.find_event("moving-in");
  CHECK(find(p.tree, ui::Role::Button, moving_in.title.in("en")));

  p.tree.request_activation(find(p.tree, ui::Role::Button, "English")->id);
  p.frame();
  p.frame();
  CHECK(p.nav.language == "en");
  CHECK(find(p.tree, ui::Role::Heading, "What happened?"));
  for (const auto& n : p.tree.nodes()) CHECK(n.name.find("not yet translated") == std::string::npos);
}

TEST_CASE("a Japanese resident's glyphs hold the languages' names but not the Korean or Chinese messages", "[languages]") {
  const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  const Messages messages = fixtures::real_messages();
  GlyphSet glyphs = glyphs_for(catalog, messages);
  for (char32_t c : {U'한', U'국', U'어', U'简', U'ệ'}) CHECK(glyphs.count(c));
  CHECK_FALSE(glyphs.count(U'절'));  // 필요한 절차: the Korean messages come with their font
  CHECK_FALSE(glyphs.count(U'您'));
  add_message_glyphs(glyphs, messages, "ko");
  CHECK(glyphs.count(U'절'));
}

TEST_CASE("each extra font is fetched for its language or for a typed character of its script", "[languages]") {
  REQUIRE(extra_font_for_language("ko"));
  CHECK(extra_font_for_language("ko")->file == "fonts/ui-ko.otf");
  CHECK(extra_font_for_language("zh-Hans")->file == "fonts/ui-zh-Hans.otf");
  CHECK(extra_font_for_language("vi")->file == "fonts/ui-latin.ttf");
  for (const char* lang : {"ja", "en", "ja-x-easy"}) CHECK(extra_font_for_language(lang) == nullptr);
  CHECK(extra_font_for_typed(U'김') == extra_font_for_language("ko"));
  CHECK(extra_font_for_typed(U'ㄱ') == extra_font_for_language("ko"));  // a jamo, mid-composition
  CHECK(extra_font_for_typed(U'ễ') == extra_font_for_language("vi"));
  CHECK(extra_font_for_typed(U'é') == extra_font_for_language("vi"));
  CHECK(extra_font_for_typed(U'Ł') == extra_font_for_language("vi"));
  for (char32_t c : {U'a', U'髙', U'あ', U'×', U'÷', U'们'}) CHECK(extra_font_for_typed(c) == nullptr);
  CHECK(language_names_font().file == "fonts/ui-names.otf");
  CHECK(&language_names_font() == &extra_fonts().back());  // merged last: a language's own font wins
}

#ifdef WEB_BUILD_SITE_DIR
namespace {
// The web build's extra fonts merged into the Japanese one, as the app merges them.
ui::FontAtlasBuilder builder_with_extra_fonts() {
  ui::FontAtlasBuilder builder(fixtures::read_bytes(UI_FONT_FILE));
  for (std::size_t i = 0; i < extra_fonts().size(); ++i) {
    const std::string file(extra_fonts()[i].file);
    INFO(file);
    REQUIRE(builder.set_merged_font(i, fixtures::web_build_file(file)));
  }
  return builder;
}
}  // namespace

TEST_CASE("in Korean at density 3 every glyph the messages and a typed name need is drawn, within 4096 px", "[languages][font]") {
  const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  const Messages messages = fixtures::real_messages();
  GlyphSet glyphs = glyphs_for(catalog, messages);
  for (const char* lang : {"ko", "zh-Hans", "vi"}) add_message_glyphs(glyphs, messages, lang);  // each font came
  const std::string typed = "김민준 박서연 Nguyễn Thị Ánh Łukasz Müller";
  add_glyphs(glyphs, typed);
  ui::FontAtlasBuilder builder = builder_with_extra_fonts();
  ImFontAtlas atlas;
  ui::Fonts fonts;
  REQUIRE(builder.build(atlas, glyphs, 3.0f, fonts));
  unsigned char* pixels;
  int w, h;
  atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
  INFO("atlas " << w << "x" << h << " for " << glyphs.size() << " glyphs");
  CHECK(w <= 4096);
  CHECK(h <= 4096);
  for (std::string_view lang : kUiLanguages) {
    GlyphSet needed;
    add_message_glyphs(needed, messages, lang);
    add_glyphs(needed, typed);
    for (char32_t c : needed) {
      INFO(lang << ": U+" << std::hex << static_cast<unsigned>(c));
      CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
  }
  // The merged fonts have the Japanese font's em: a Hangul syllable is about as wide as a kanji.
  const float kanji = fonts.body->FindGlyph(U'転')->AdvanceX, hangul = fonts.body->FindGlyph(U'한')->AdvanceX;
  CHECK(hangul > 0.85f * kanji);
  CHECK(hangul < 1.0f * kanji);
}

TEST_CASE("each extra font holds every character of the script it is fetched for", "[languages][font]") {
  ui::FontAtlasBuilder builder = builder_with_extra_fonts();
  GlyphSet latin, hangul{U'가', U'김', U'이', U'박', U'최', U'정', U'윤', U'한', U'국', U'어', U'힘'};
  for (char32_t c = 0x20; c < 0x7F; ++c) {  // as every glyph set of the app has
    latin.insert(c);
    hangul.insert(c);
  }
  for (char32_t c = 0x80; c < 0x2000; ++c)
    if (is_accented_latin(c)) latin.insert(c);
  for (char32_t c = 0x3131; c <= 0x318E; ++c) hangul.insert(c);
  for (const GlyphSet* set : {&latin, &hangul}) {
    ImFontAtlas atlas;
    ui::Fonts fonts;
    REQUIRE(builder.build(atlas, *set, 1.0f, fonts));
    for (char32_t c : *set) {
      INFO("U+" << std::hex << static_cast<unsigned>(c));
      CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
  }
}

// Not part of the suite (hidden tag): `tests/unit_tests "[.bench]"` prints the atlas's size and build
// time at density 3: a Japanese resident's; a Korean resident's (the Hangul and names fonts merged, a
// typed name); and every extra font merged (a resident who tried each language), built once and again
// after a typed syllable.
TEST_CASE("bench: the atlas in Korean at density 3", "[.bench]") {
  const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  const Messages messages = fixtures::real_messages();
  GlyphSet glyphs = glyphs_for(catalog, messages);
  ui::FontAtlasBuilder japanese(fixtures::read_bytes(UI_FONT_FILE)), korean(fixtures::read_bytes(UI_FONT_FILE));
  for (std::size_t i = 0; i < extra_fonts().size(); ++i) {
    const std::string file(extra_fonts()[i].file);
    if (file == extra_font_for_language("ko")->file || file == language_names_font().file)
      REQUIRE(korean.set_merged_font(i, fixtures::web_build_file(file)));
  }
  ui::FontAtlasBuilder every = builder_with_extra_fonts();
  auto measure = [&](const char* what, ui::FontAtlasBuilder& builder, ImFontAtlas& atlas) {
    ui::Fonts fonts;
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(builder.build(atlas, glyphs, 3.0f, fonts));
    unsigned char* pixels;
    int w, h;
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%-44s %4d glyphs in the set, %dx%d px (%.1f MB, one channel), %.0f ms\n", what,
                static_cast<int>(glyphs.size()), w, h, w * h / 1048576.0, ms);
  };
  ImFontAtlas a1, a2, a3;
  measure("Japanese resident", japanese, a1);
  add_message_glyphs(glyphs, messages, "ko");
  add_glyphs(glyphs, "김민준");
  measure("Korean resident (Hangul and names fonts)", korean, a2);
  add_message_glyphs(glyphs, messages, "zh-Hans");
  add_message_glyphs(glyphs, messages, "vi");
  measure("every extra font, first build", every, a3);
  add_glyphs(glyphs, "서");
  measure("every extra font, after a typed syllable", every, a3);
}
#endif
