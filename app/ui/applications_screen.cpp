// The applications sent from this device: each with its receipt number, its status as the endpoint
// last told it, and the ward's notes, which only this device can open.
#include "screens.hpp"

namespace madoguchi::ui {

void draw_applications_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (BackButton(m.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  Heading(m.get(lang, "applications.heading"), 1);
  if (in.nav.sent.empty()) {
    Paragraph(m.get(lang, "applications.none"));
    return;
  }
  Paragraph(m.get(lang, "applications.lead"));
  // Newest first: the one a resident just sent is the one they look for.
  for (auto it = in.nav.sent.rbegin(); it != in.nav.sent.rend(); ++it) {
    const SentApplication& s = *it;
    const Procedure* procedure = in.catalog.find_procedure(s.procedure_id);
    Separator();
    Heading(procedure ? counter_name(procedure->title, lang) : s.procedure_id, 2);
    SecondaryText(m.format(lang, "applications.receipt", {{"receipt", s.receipt}}));
    Paragraph(m.format(lang, "applications.status", {{"status", std::string(m.get(lang, "status." + s.status))}}));
    for (const auto& note : s.notes) {
      if (note.text.empty()) SecondaryText(m.get(lang, "applications.note_unreadable"));
      else Paragraph(m.format(lang, "applications.note", {{"text", note.text}}));
    }
    if (!s.corrects.empty()) SecondaryText(m.format(lang, "applications.corrects", {{"receipt", s.corrects}}));
    if (s.status == "correction_requested" && !s.values.all().empty() &&
        Button(m.get(lang, "applications.correct"), "correct-" + s.receipt, true))
      actions.push_back(CorrectApplication{s.receipt});
    if (!s.error_key.empty()) Alert(m.get(lang, s.error_key));
    if (Button(m.get(lang, s.checking ? "applications.checking" : "applications.check"), "check-" + s.receipt, false,
               s.checking))
      actions.push_back(CheckStatus{s.receipt});
  }
}

}  // namespace madoguchi::ui
