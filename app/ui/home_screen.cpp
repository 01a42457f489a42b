// Home: the ward's name, a language switch, and every life event as a large tile.
#include <imgui.h>

#include <algorithm>

#include "core/catalog_search.hpp"
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

// A search box above the life events: what it finds comes first, and every event stays listed below,
// so a resident who does not know the word still browses.
void draw_search(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  TextFieldSpec field{"search", m.get(lang, "search.label"), m.get(lang, "search.hint"), {}, {}, in.nav.search, {}};
  if (auto typed = TextField(field)) actions.push_back(SetSearch{std::move(*typed)});
  if (!long_enough(search_form(in.nav.search))) return;
  const std::vector<SearchHit> hits = search_catalog(in.catalog, in.nav.search, lang);
  if (hits.empty()) {
    Paragraph(m.format(lang, "search.none", {{"query", in.nav.search}}));
    Separator();
    return;
  }
  Heading(m.format(lang, "search.results", {{"count", std::to_string(hits.size())}}), 2);
  for (const auto& hit : hits) {
    const LifeEvent* event = in.catalog.find_event(hit.event_id);
    if (!event) continue;
    if (hit.kind == SearchHit::Kind::Event) {
      if (Tile(event->title.in(lang), event->summary.in(lang), "found-event-" + hit.id)) actions.push_back(OpenEvent{hit.id, {}});
    } else if (const Procedure* p = in.catalog.find_procedure(hit.id)) {
      if (Tile(p->title.in(lang), m.format(lang, "search.procedure_of", {{"event", event->title.in(lang)}}),
               "found-procedure-" + hit.id))
        actions.push_back(OpenEvent{hit.event_id, hit.id});
    }
  }
  Separator();
}

}  // namespace

void draw_home_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  SecondaryText(m.format(lang, "app.header", {{"ward", in.catalog.ward.in(lang)}}));
  LanguageSwitch(in, lang, actions);
  SettingsLink(in, lang, actions);
  CatalogLanguageNote(in, lang);
  Separator();
  const bool has_drafts = std::any_of(in.nav.drafts.begin(), in.nav.drafts.end(),
                                      [](const auto& d) { return !d.second.values.all().empty(); });
  if ((has_drafts || !in.nav.outbox.empty() || !in.nav.sent.empty()) &&
      Button(m.get(lang, "home.my_applications"), "applications.open"))
    actions.push_back(OpenApplications{});
  Heading(m.get(lang, "home.heading"), 1);
  draw_search(in, lang, actions);
  Paragraph(m.get(lang, "home.lead"));
  for (const auto& event : in.catalog.events)
    if (Tile(event.title.in(lang), event.summary.in(lang), "event-" + event.id)) actions.push_back(OpenEvent{event.id, {}});
  // Also for a new phone with nothing on it yet: restoring a backup starts here.
  Separator();
  if (Button(m.get(lang, "home.backup"), "backup.open")) actions.emplace_back(std::in_place_type<OpenBackup>);
}

}  // namespace madoguchi::ui
