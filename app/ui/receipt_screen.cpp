// After sending: the receipt number large enough to read aloud at a counter, and what happens next; before
// the endpoint has it, that it waits sealed on the device.
#include <algorithm>

#include "screens.hpp"

namespace madoguchi::ui {
namespace {

const QueuedApplication* queued_for(const Navigation& nav, const std::string& draft_id) {
  auto draft = nav.drafts.find(draft_id);
  if (draft == nav.drafts.end() || draft->second.queued.empty()) return nullptr;
  for (const auto& q : nav.outbox)
    if (q.submission_id() == draft->second.queued) return &q;
  return nullptr;
}

// Sealed and waiting: nothing for the resident to do, and nothing lost if they close the app now.
void draw_queued(const ViewInput& in, const std::string& lang, const QueuedApplication& queued,
                 const Procedure& procedure, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const bool sending = queued.state == QueuedApplication::State::Sending;
  Heading(m.get(lang, sending ? "receipt.sending_heading" : "receipt.queued_heading"), 1);
  Paragraph(m.format(lang, "receipt.queued", {{"procedure", counter_name(procedure.title, lang)}}));
  OutboxState(in, lang, queued, actions, true);
  if (Button(m.get(lang, "receipt.queued_open"), "applications.open")) actions.push_back(OpenApplications{});
}

// Optional, one tap, and said to be anonymous before the tap: the ward learns how hard its forms are.
void draw_rating(const ViewInput& in, const std::string& lang, const SentApplication& sent, std::vector<Action>& actions) {
  const auto& m = in.messages;
  static constexpr const char* kLabels[] = {"rating.1", "rating.2", "rating.3", "rating.4", "rating.5"};
  Separator();
  Heading(m.get(lang, "rating.heading"), 2);
  if (sent.rating) {
    Status(m.format(lang, "rating.thanks", {{"choice", std::string(m.get(lang, kLabels[sent.rating - 1]))}}));
    return;
  }
  Paragraph(m.get(lang, "rating.note"));
  std::vector<std::string> options;
  for (const char* key : kLabels) options.emplace_back(m.get(lang, key));
  const int chosen = RadioGroup(m.get(lang, "rating.heading"), "rating", options, -1);
  if (chosen >= 0) actions.push_back(RateApplication{sent.receipt, chosen + 1});
}

}  // namespace

void draw_receipt_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (BackButton(m.get(lang, "receipt.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  const SentApplication* sent = nullptr;
  for (const auto& s : in.nav.sent)
    if (s.draft_id == in.nav.current.draft_id) sent = &s;  // the latest
  const Procedure* procedure = in.catalog.find_procedure(procedure_of(in.nav.current.draft_id));
  const QueuedApplication* queued = queued_for(in.nav, in.nav.current.draft_id);
  if (queued && procedure) return draw_queued(in, lang, *queued, *procedure, actions);
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
  draw_rating(in, lang, *sent, actions);
}

}  // namespace madoguchi::ui
