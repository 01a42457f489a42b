// Home: the ward's name, a language switch, and every life event as a large tile.
#include <imgui.h>

#include <algorithm>

#include "screens.hpp"

namespace madoguchi::ui {

void draw_home_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  SecondaryText(m.format(lang, "app.header", {{"ward", in.catalog.ward.in(lang)}}));
  LanguageSwitch(in, lang, actions);
  CatalogLanguageNote(in, lang);
  Separator();
  const bool has_drafts = std::any_of(in.nav.drafts.begin(), in.nav.drafts.end(),
                                      [](const auto& d) { return !d.second.values.all().empty(); });
  if ((has_drafts || !in.nav.outbox.empty() || !in.nav.sent.empty()) &&
      Button(m.get(lang, "home.my_applications"), "applications.open"))
    actions.push_back(OpenApplications{});
  Heading(m.get(lang, "home.heading"), 1);
  Paragraph(m.get(lang, "home.lead"));
  for (const auto& event : in.catalog.events)
    if (Tile(event.title.in(lang), event.summary.in(lang), "event-" + event.id)) actions.push_back(OpenEvent{event.id});
  // Also for a new phone with nothing on it yet: restoring a backup starts here.
  Separator();
  if (Button(m.get(lang, "home.backup"), "backup.open")) actions.emplace_back(std::in_place_type<OpenBackup>);
}

}  // namespace madoguchi::ui
