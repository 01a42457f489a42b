// Text laid out with the app's real font: lines fit the phone's width and keep the rules, each line box is
// 1.5 font sizes tall, and the screens' paragraphs take whole lines in the mirror without overlapping.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <cmath>
#include <string>

#include "core/glyph_set.hpp"
#include "portal_fixture.hpp"
#include "ui/font_atlas.hpp"
#include "ui/text_layout.hpp"

using namespace madoguchi;
using fixtures::Portal;

namespace {

// The body font at 17 px (density 1) with every glyph of the catalog, as the default font of the current context.
ui::Fonts use_app_font(const Catalog& catalog) {
  // Lives as long as the contexts: their atlases point into its font data.
  static ui::FontAtlasBuilder builder = [] {
    const std::string ttf = fixtures::read_file(UI_FONT_FILE);
    return ui::FontAtlasBuilder({ttf.begin(), ttf.end()});
  }();
  ui::Fonts fonts;
  REQUIRE(builder.build(*ImGui::GetIO().Fonts, glyphs_for(catalog, fixtures::real_messages()), 1.0f, fonts));
  ImGui::GetIO().FontGlobalScale = 1.0f / fonts.density;  // as the platform draws it: body text at 17 px
  return fonts;
}

const std::string kSentence =
    "子どもが生まれた日から14日以内に、出生届を出してください。「出生証明書」（病院で受け取ります）と、"
    "届け出る人の本人確認書類（マイナンバーカードなど）が要ります。";

}  // namespace

TEST_CASE("a paragraph in the app's font fits a 390 px phone, line by line, 1.5 font sizes apart", "[text-layout]") {
  Portal p;
  const ui::Fonts fonts = use_app_font(p.catalog);
  const float width = 390 - 2 * 16;  // the screen less the window padding
  const ui::TextLayout layout(kSentence, fonts.body, 17, width, ui::line_height(17, 1.5f));
  CHECK(ui::line_height(17, 1.5f) == 26);  // 25.5 rounded: every line on a whole pixel
  CHECK(layout.line_count() >= 3);
  CHECK(layout.size().y == 26.0f * static_cast<float>(layout.line_count()));
  CHECK(layout.size().x <= width);
  CHECK(layout.size().x > width - 2 * 17);  // filled to within two characters of the edge

  // The lines as the layout found them: no 14日 split, no line starting with 、 or 」 or ending with 「.
  std::size_t pos = 0;
  const GlyphAdvance advance{[](const void* font, char32_t c) {
                               return static_cast<const ImFont*>(font)->GetCharAdvance(static_cast<ImWchar>(c));
                             },
                             fonts.body};
  std::string joined;
  while (pos < kSentence.size()) {
    const NextLine next = next_line(kSentence, pos, width, advance);
    const std::string line = kSentence.substr(next.line.begin, next.line.end - next.line.begin);
    INFO(line);
    CHECK(line.rfind("、", 0) != 0);
    CHECK(line.rfind("。", 0) != 0);
    CHECK(line.rfind("」", 0) != 0);
    CHECK(line.rfind("）", 0) != 0);
    CHECK((line.find("14日") != std::string::npos) == (line.find('1') != std::string::npos));
    joined += line;
    pos = next.next;
  }
  CHECK(joined == kSentence);
}

TEST_CASE("wrapped text is one item as tall as its lines, and the next item starts below it", "[text-layout]") {
  Portal p;
  use_app_font(p.catalog);
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(390, 844));
  ImGui::Begin("text", nullptr, ImGuiWindowFlags_NoDecoration);
  const float top = ImGui::GetCursorScreenPos().y;
  ui::WrappedText(kSentence, IM_COL32_BLACK, 1.5f);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float next = ImGui::GetCursorScreenPos().y;
  const int vertices = ImGui::GetWindowDrawList()->VtxBuffer.Size;
  ImGui::End();
  ImGui::Render();
  CHECK(min.y == top);
  CHECK(max.y - min.y >= 3 * 26.0f);
  CHECK(std::fmod(max.y - min.y, 26.0f) == 0.0f);
  CHECK(max.x <= 390 - 16);
  CHECK(next == max.y + ImGui::GetStyle().ItemSpacing.y);
  CHECK(vertices > 4 * 60);  // the glyphs were drawn
}

TEST_CASE("on the birth checklist every paragraph is whole lines and none overlaps the next", "[text-layout]") {
  Portal p;
  use_app_font(p.catalog);
  p.nav.current = Route{Screen::Event, "birth", {}};
  p.frame();
  p.frame();
  const float body_line = ui::line_height(17, 1.5f);
  int multi_line = 0;
  const ui::SemanticNode* previous = nullptr;
  for (const auto& n : p.tree.nodes()) {
    if (n.role != ui::Role::Text) continue;
    INFO(n.name << " at y " << n.y << " h " << n.h);
    CHECK(n.h >= body_line);
    CHECK(std::fmod(n.h, body_line) == 0.0f);
    CHECK(n.w <= 390 - 2 * 16);
    if (n.h > body_line) ++multi_line;
    if (previous) CHECK(n.y >= previous->y + previous->h);
    previous = &n;
  }
  CHECK(multi_line > 0);
}

// Not part of the suite (hidden tag): `tests/unit_tests "[.bench]"` prints the cost of laying out and
// drawing one 200-character paragraph, what every visible paragraph costs every frame.
TEST_CASE("bench: a 200-character paragraph laid out and drawn", "[.bench]") {
  Portal p;
  const ui::Fonts fonts = use_app_font(p.catalog);
  std::string text;
  while (text.size() < 600) text += kSentence;  // about 3 bytes a character
  std::size_t cut = 0;
  for (int chars = 0; chars < 200; ++chars) cut += (static_cast<unsigned char>(text[cut]) < 0x80 ? 1 : 3);
  text.resize(cut);
  ImDrawList draw_list(ImGui::GetDrawListSharedData());
  const int rounds = 20000;
  using clock = std::chrono::steady_clock;

  const auto t0 = clock::now();
  float sink = 0;
  for (int i = 0; i < rounds; ++i) sink += ui::TextLayout(text, fonts.body, 17, 358, 26).size().y;
  const auto t1 = clock::now();
  for (int i = 0; i < rounds; ++i) {
    draw_list._ResetForNewFrame();
    draw_list.PushClipRect(ImVec2(0, 0), ImVec2(390, 844));
    ui::TextLayout(text, fonts.body, 17, 358, 26).draw(&draw_list, ImVec2(16, 16), IM_COL32_BLACK);
    draw_list.PopClipRect();
  }
  const auto t2 = clock::now();
  for (int i = 0; i < rounds; ++i) {  // what ImGui's own wrapped text costs, for comparison
    draw_list._ResetForNewFrame();
    draw_list.PushClipRect(ImVec2(0, 0), ImVec2(390, 844));
    const char* end = text.data() + text.size();
    sink += fonts.body->CalcTextSizeA(17, FLT_MAX, 358, text.data(), end).y;
    draw_list.AddText(fonts.body, 17, ImVec2(16, 16), IM_COL32_BLACK, text.data(), end, 358);
    draw_list.PopClipRect();
  }
  const auto t3 = clock::now();
  const auto us = [&](auto d) { return std::chrono::duration<double, std::micro>(d).count() / rounds; };
  WARN("200-character paragraph, " << ui::TextLayout(text, fonts.body, 17, 358, 26).line_count()
                                   << " lines at 358 px: layout " << us(t1 - t0) << " us, layout + draw " << us(t2 - t1)
                                   << " us; ImGui's own wrapped text (measure + draw) " << us(t3 - t2) << " us ("
                                   << sink / rounds << ")");
}
