// After sending: the receipt number large enough to read aloud at a counter, and what happens next.
#include <algorithm>

#include "screens.hpp"

namespace madoguchi::ui {

void draw_receipt_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (BackButton(m.get(lang, "receipt.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  const SentApplication* sent = nullptr;
  for (const auto& s : in.nav.sent)
    if (s.procedure_id == in.nav.current.procedure_id) sent = &s;  // the latest
  const Procedure* procedure = in.catalog.find_procedure(in.nav.current.procedure_id);
  if (!sent || !procedure) {
    Heading(m.get(lang, "event.not_found"), 1);
    return;
  }
  Heading(m.get(lang, "receipt.heading"), 1);
  Paragraph(m.format(lang, "receipt.sent", {{"procedure", counter_name(procedure->title, lang)}}));
  Separator();
  SecondaryText(m.get(lang, "receipt.number_label"));
  Heading(sent->receipt, 2);
  Paragraph(m.get(lang, "receipt.keep_number"));
  Separator();
  Heading(m.get(lang, "receipt.next_heading"), 2);
  // A department may be written on two lines (課 and 係); inside a sentence it reads as one.
  std::string department = procedure->department.in(lang);
  std::replace(department.begin(), department.end(), '\n', ' ');
  Paragraph(m.format(lang, procedure->online.available ? "receipt.next" : "receipt.next_counter", {{"department", department}}));
  if (Button(m.get(lang, "applications.open"), "applications.open")) actions.push_back(OpenApplications{});
}

}  // namespace madoguchi::ui
