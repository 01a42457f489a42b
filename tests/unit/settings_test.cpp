// Display settings as a resident meets them: text size, high contrast and the Japanese era, each at
// once and kept on the device; every colour pair of both themes readable (WCAG 1.4.3, 4.5:1 for text).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/date_text.hpp"
#include "core/device_records.hpp"
#include "portal_fixture.hpp"
#include "ui/font_atlas.hpp"
#include "ui/theme.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

double luminance(ImU32 c) {
  const auto channel = [](unsigned v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
         0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Puts the theme back for the tests that run after this one.
struct StandardThemeAfter {
  ~StandardThemeAfter() { ui::use_display(false, 100); }
};

}  // namespace

TEST_CASE("every text colour of both themes reads at 4.5:1 on every surface it is drawn on", "[settings]") {
  for (bool high : {false, true}) {
    const ui::Theme t = ui::theme_for(high);
    INFO((high ? "high contrast" : "standard"));
    for (ImU32 surface : {t.background, t.surface, t.surface_hover, t.surface_active}) {
      CHECK(contrast(t.text, surface) >= 4.5);
      CHECK(contrast(t.text_secondary, surface) >= 4.5);
      CHECK(contrast(t.link, surface) >= 4.5);
      CHECK(contrast(t.error, surface) >= 4.5);
    }
    CHECK(contrast(t.on_accent, t.accent) >= 4.5);  // a selected button
  }
  const ui::Theme high = ui::theme_for(true);
  CHECK(contrast(high.border, high.background) >= 7.0);  // outlines a low-vision resident can follow
  CHECK(contrast(high.text, high.background) >= 20.0);
}

TEST_CASE("the era is written as forms write it, and the western year stays the default", "[settings]") {
  const Messages m = fixtures::real_messages();
  CHECK(format_date(CivilDate{2026, 3, 20}, m, "ja") == "2026年3月20日（金）");
  CHECK(format_date(CivilDate{2026, 3, 20}, m, "ja", true) == "令和8年3月20日（金）");
  CHECK(format_date(CivilDate{2019, 5, 1}, m, "ja", true) == "令和元年5月1日（水）");
  CHECK(format_date(CivilDate{2019, 4, 30}, m, "ja", true) == "平成31年4月30日（火）");
  CHECK(format_date(CivilDate{2026, 3, 20}, m, "en", true) == "Fri, 20 March, 令和 8");
  CHECK(format_japan_time("2026-12-06T03:04:05Z", m, "ja", true) == "令和8年12月6日（日） 12:04");
}

TEST_CASE("settings change the display at once and come back after a reload", "[settings]") {
  StandardThemeAfter restore;
  Portal p;
  p.frame();
  p.activate(Role::Link, "表示の設定（文字の大きさ・コントラスト・和暦）");
  CHECK(p.nav.current.screen == Screen::Settings);
  CHECK(find(p.tree, Role::Heading, "表示の設定"));
  p.activate(Role::Radio, "200%");
  CHECK(p.nav.display.text_percent == 200);
  p.activate(Role::Checkbox, "コントラストを高くする（文字を黒く、枠をはっきり）");
  CHECK(p.nav.display.high_contrast);
  p.activate(Role::Radio, "和暦：令和8年3月20日（金）");
  CHECK(p.nav.display.wareki);

  // The platform applies them to the theme before the next frame; the atlas rasterises 200 % at no more
  // than 3 device pixels per 100 % CSS px.
  CHECK(ui::use_display(p.nav.display.high_contrast, p.nav.display.text_percent));
  CHECK(ui::theme().body_size == Approx(34.0f));
  CHECK(ui::theme().touch_target >= 48.0f * 1.5f);
  CHECK(ui::theme().text == ui::theme_for(true).text);
  CHECK(std::min(3.0f, ui::kMaxRasterScale / ui::theme().text_scale) == Approx(1.5f));

  Navigation after;
  restore_device_records(after, p.catalog, device_records(p.nav));
  CHECK(after.display == p.nav.display);
  CHECK(nearest_text_percent(900) == 200);
  CHECK(nearest_text_percent(130) == 125);
}
