// A life event: what it is, then each procedure it needs in order, with its deadline, where it is
// done and its fee.
#include <imgui.h>

#include "core/procedure_text.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace madoguchi::ui {

void draw_event_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (BackButton(m.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  const LifeEvent* event = in.catalog.find_event(in.nav.current.event_id);
  if (!event) {
    Heading(m.get(lang, "event.not_found"), 1);
    return;
  }
  Heading(event->title.in(lang), 1);
  Paragraph(event->summary.in(lang));
  Separator();
  Heading(m.get(lang, "event.procedures_heading"), 2);
  int number = 1;
  for (const auto& id : event->procedure_ids) {
    const Procedure* p = in.catalog.find_procedure(id);
    if (!p) continue;
    ImGui::PushID(id.c_str());
    Heading(std::to_string(number++) + ". " + p->title.in(lang), 3);
    Paragraph(p->summary.in(lang));
    SecondaryText(m.format(lang, "procedure.deadline", {{"deadline", describe_deadline(p->deadline, m, lang)}}));
    SecondaryText(describe_channel(p->online, m, lang));
    if (!p->online.available) SecondaryText(p->online.instead.in(lang));
    SecondaryText(m.format(lang, "procedure.department", {{"department", p->department.in(lang)}}));
    SecondaryText(describe_fee(p->fee, m, lang));
    ImGui::PopID();
    Separator();
  }
}

}  // namespace madoguchi::ui
