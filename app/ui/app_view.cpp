// One full-screen window, a header with the ward's name, then the screen of the current route.
#include "app_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include "raw_item_mirror.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace madoguchi::ui {

std::vector<Action> draw_app(const ViewInput& in, SemanticTree& tree, const Fonts& fonts) {
  std::vector<Action> actions;
  tree.begin_frame();
  begin_raw_items();
  bind_frame(&tree, fonts);
  if (fonts.body) ImGui::PushFont(fonts.body);

  // The column stays readable on a tablet: at most 640 CSS px of content, centred by the padding.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float side = vp->Size.x > 640.0f + 32.0f ? (vp->Size.x - 640.0f) / 2 : 16.0f;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, 16.0f));
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("madoguchi", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  // A new screen starts at its top, as a new page would, not where the last one was scrolled to.
  const ImGuiID route_key = ImGui::GetID("##route");
  const std::string route_name = in.nav.current.event_id + "/" + in.nav.current.procedure_id;
  const int route_hash = static_cast<int>(ImHashStr(route_name.c_str(), 0, static_cast<ImU32>(in.nav.current.screen) + 1));
  ImGuiStorage* storage = ImGui::GetStateStorage();
  if (storage->GetInt(route_key, 0) != route_hash) {
    storage->SetInt(route_key, route_hash);
    ImGui::SetScrollY(0.0f);
  }

  const std::string& lang = in.nav.language;
  switch (in.nav.current.screen) {
    case Screen::Home: draw_home_screen(in, lang, actions); break;
    case Screen::Event: draw_event_screen(in, lang, actions); break;
    case Screen::Form: draw_form_screen(in, lang, actions); break;
    case Screen::Review: draw_review_screen(in, lang, actions); break;
    case Screen::Receipt: draw_receipt_screen(in, lang, actions); break;
    case Screen::Applications: draw_applications_screen(in, lang, actions); break;
  }

  ImGui::End();
  if (fonts.body) ImGui::PopFont();
  mirror_raw_items(tree);
  bind_frame(nullptr, Fonts{});
  return actions;
}

}  // namespace madoguchi::ui
