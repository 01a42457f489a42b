// One full-screen window, a header with the ward's name, then the screen of the current route.
#include "app_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "raw_item_mirror.hpp"
#include "screens.hpp"
#include "text_layout.hpp"
#include "theme.hpp"

namespace madoguchi::ui {
namespace {

constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr float kBannerPadding = 12.0f;

// What concerns every screen, shown at the bottom outside the scrolling page: a problem keeping what the
// resident types (wherever on a long form they are), else that the device is offline and what still
// works, else a new version to reload into, offered only outside forms and their review so a reload
// never comes in the middle of typing.
struct Banner {
  std::string_view text;
  std::string_view button;  // empty for none
  bool problem = false;
};

Banner banner_for(const ViewInput& in) {
  const auto& m = in.messages;
  const std::string& lang = in.nav.language;
  if (!in.nav.storage_problem.empty()) return {m.get(lang, in.nav.storage_problem), {}, true};
  if (!in.nav.online) return {m.get(lang, "net.offline"), {}, false};
  const Screen screen = in.nav.current.screen;
  if (in.nav.update_ready && screen != Screen::Form && screen != Screen::Review)
    return {m.get(lang, "update.ready"), m.get(lang, "update.apply"), false};
  return {};
}

// The banner's height across the whole width, measured before any window is drawn so the page above it can
// be made that much shorter.
float banner_height(const Banner& banner, float width, float side) {
  if (banner.text.empty()) return 0.0f;
  const float size = ImGui::GetFontSize();
  const TextLayout layout(banner.text, ImGui::GetFont(), size, width - 2 * side, line_height(size, theme().line_height));
  const float button = banner.button.empty() ? 0.0f : ImGui::GetStyle().ItemSpacing.y + theme().touch_target;
  return layout.size().y + button + 2 * kBannerPadding;
}

void draw_banner(const Banner& banner, const ImGuiViewport* vp, float height, float side, std::vector<Action>& actions) {
  const Theme& t = theme();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, kBannerPadding));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, t.surface);
  ImGui::Begin("status", nullptr, kFixedWindow | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRectFullScreen();  // the rule spans the whole width, padding included
  dl->AddLine(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height),
              ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y - height), banner.problem ? t.error : t.accent, 3.0f);
  dl->PopClipRect();
  if (banner.problem) Alert(banner.text);
  else Paragraph(banner.text);
  if (!banner.button.empty() && Button(banner.button, "banner.button", true)) actions.emplace_back(ApplyUpdate{});
  ImGui::End();
}

void draw_screen(const ViewInput& in, Screen screen, const std::string& lang, std::vector<Action>& actions) {
  switch (screen) {
    case Screen::Home: draw_home_screen(in, lang, actions); break;
    case Screen::Event: draw_event_screen(in, lang, actions); break;
    case Screen::Form: draw_form_screen(in, lang, actions); break;
    case Screen::Review: draw_review_screen(in, lang, actions); break;
    case Screen::Receipt: draw_receipt_screen(in, lang, actions); break;
    case Screen::Applications: draw_applications_screen(in, lang, actions); break;
    case Screen::Backup: draw_backup_screen(in, lang, actions); break;
    case Screen::Settings: draw_settings_screen(in, lang, actions); break;
    case Screen::SendTogether: draw_send_together_screen(in, lang, actions); break;
  }
}

}  // namespace

std::vector<Action> draw_app(const ViewInput& in, SemanticTree& tree, const Fonts& fonts) {
  std::vector<Action> actions;
  tree.begin_frame();
  begin_raw_items();
  bind_frame(&tree);
  if (fonts.body) ImGui::PushFont(fonts.body);

  // The column stays readable on a tablet: at most 640 CSS px of content, centred by the padding.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float side = vp->Size.x > 640.0f + 32.0f ? (vp->Size.x - 640.0f) / 2 : 16.0f;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, 16.0f));
  const Banner banner = banner_for(in);
  const float banner_h = banner_height(banner, vp->Size.x, side);
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - banner_h));
  ImGui::Begin("madoguchi", nullptr, kFixedWindow);
  ImGui::PopStyleVar();
  // A new screen starts at its top, as a new page would, not where the last one was scrolled to.
  const ImGuiID route_key = ImGui::GetID("##route");
  const std::string route_name =
      in.nav.current.event_id + "/" + in.nav.current.draft_id + "/" + std::to_string(in.nav.current.page);
  const int route_hash = static_cast<int>(ImHashStr(route_name.c_str(), 0, static_cast<ImU32>(in.nav.current.screen) + 1));
  ImGuiStorage* storage = ImGui::GetStateStorage();
  if (storage->GetInt(route_key, 0) != route_hash) {
    storage->SetInt(route_key, route_hash);
    ImGui::SetScrollY(0.0f);
  }

  const std::string& lang = in.nav.language;
  // The display settings need no catalog: a resident may enlarge the text while it comes.
  const Screen screen = in.nav.current.screen;
  if (in.past_home != PastHome::Ready && screen != Screen::Home && screen != Screen::Settings)
    draw_loading_screen(in, lang, actions);
  else
    draw_screen(in, screen, lang, actions);
  // Home has the language switch on top; every other screen at its foot, out of the way of the task,
  // with the display settings beside it (the settings screen's own foot is its language section).
  if (screen != Screen::Home) {
    Separator();
    LanguageSwitch(in, lang, actions);
    if (screen != Screen::Settings) SettingsLink(in, lang, actions);
  }

  ImGui::End();
  if (banner_h > 0) draw_banner(banner, vp, banner_h, side, actions);
  if (fonts.body) ImGui::PopFont();
  mirror_raw_items(tree);
  bind_frame(nullptr);
  return actions;
}

}  // namespace madoguchi::ui
