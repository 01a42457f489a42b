// A screen past home while what it needs is on its way: on a first visit the whole catalog and the
// font for its text come after home's first frame (a second or so on a slow network).
#include <imgui.h>

#include "screens.hpp"

namespace madoguchi::ui {

void draw_loading_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (BackButton(m.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  if (in.past_home == PastHome::Failed) {
    Heading(m.get(lang, "loading.failed_heading"), 1);
    Alert(m.get(lang, "loading.failed"));
    if (Button(m.get(lang, "loading.retry"), "loading.retry")) actions.emplace_back(std::in_place_type<RetryLoading>);
  } else {
    Heading(m.get(lang, "loading.heading"), 1);
    Status(m.get(lang, "loading.wait"));
  }
}

}  // namespace madoguchi::ui
