// My applications: drafts not yet sent, those waiting in the outbox, then each sent one with its receipt
// number, its status as the endpoint last told it, and the ward's notes, which only this device can open.
#include <algorithm>

#include "core/answer_text.hpp"
#include "core/date_text.hpp"
#include "screens.hpp"

namespace madoguchi::ui {

namespace {

// Drafts not yet sent, newest change first, each to go on with or delete (after a question), and where
// they are kept: only in this browser, so a resident knows what clearing it would lose.
void draw_drafts(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  std::vector<std::pair<const std::string*, const FormDraft*>> drafts;
  for (const auto& [draft_id, draft] : in.nav.drafts)
    if (draft.queued.empty() && !draft.values.all().empty()) drafts.emplace_back(&draft_id, &draft);
  if (drafts.empty()) return;
  std::stable_sort(drafts.begin(), drafts.end(), [](const auto& a, const auto& b) { return a.second->edited > b.second->edited; });
  Heading(m.get(lang, "applications.drafts_heading"), 2);
  SecondaryText(m.get(lang, "applications.drafts_where"));
  for (const auto& [draft_id, draft] : drafts) {
    const std::string& id = *draft_id;
    const Procedure* procedure = in.catalog.find_procedure(procedure_of(id));
    const std::string title = procedure ? counter_name(procedure->title, lang) : id;
    Heading(title, 3);
    // Two drafts of one procedure (a form for each child) are told apart by whose they are.
    const std::string name = procedure && procedure->form ? draft_name(*procedure->form, draft->values) : std::string();
    const std::string whose = name.empty() ? m.format(lang, "applications.draft_number", {{"number", std::to_string(draft_number(id))}})
                                           : m.format(lang, "applications.draft_name", {{"name", name}});
    const bool several = std::count_if(drafts.begin(), drafts.end(), [&](const auto& d) {
                           return procedure_of(*d.first) == procedure_of(id);
                         }) > 1;
    if (!name.empty() || several) SecondaryText(whose);
    const std::string named = several || !name.empty()
                                  ? m.format(lang, "applications.draft_named", {{"procedure", title}, {"whose", whose}})
                                  : title;
    if (const std::string edited = format_japan_time(draft->edited, m, lang, in.nav.display.wareki); !edited.empty())
      SecondaryText(m.format(lang, "applications.draft_edited", {{"time", edited}}));
    // Refused by the endpoint: the resident has something to change before sending again.
    if (draft->sending == FormDraft::Sending::Failed && !draft->error_key.empty()) {
      const std::vector<std::pair<std::string_view, std::string>> params(draft->error_params.begin(),
                                                                         draft->error_params.end());
      Alert(m.format(lang, "applications.needs_attention", {{"reason", m.format(lang, draft->error_key, params)}}));
    }
    if (in.nav.deleting == id) {
      Alert(m.format(lang, "applications.delete_question", {{"procedure", named}}));
      if (Button(m.get(lang, "applications.delete_confirm"), "delete-yes-" + id, true)) actions.push_back(DeleteDraft{id, true});
      SameLineIfFits(m.get(lang, "applications.delete_cancel"));
      if (Button(m.get(lang, "applications.delete_cancel"), "delete-no-" + id))
        actions.emplace_back(std::in_place_type<CancelDeleteDraft>);
      continue;
    }
    if (LabelledButton(m.get(lang, "applications.draft_continue"),
                       m.format(lang, "applications.draft_continue_named", {{"procedure", named}}), "continue-" + id))
      actions.push_back(OpenDraft{id, draft_resume_page(in, id)});
    SameLineIfFits(m.get(lang, "applications.draft_delete"));
    if (LabelledButton(m.get(lang, "applications.draft_delete"),
                       m.format(lang, "applications.draft_delete_named", {{"procedure", named}}), "delete-" + id))
      actions.push_back(DeleteDraft{id, false});
  }
  Separator();
}

// Each sent application with its status and the ward's notes, and a correction when the ward asks for one.
void draw_sent(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  Heading(m.get(lang, "applications.sent_heading"), 2);
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
    Heading(procedure ? counter_name(procedure->title, lang) : s.procedure_id, 3);
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

}  // namespace

void draw_applications_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (BackButton(m.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  Heading(m.get(lang, "applications.heading"), 1);
  draw_drafts(in, lang, actions);
  if (!in.nav.outbox.empty()) {
    Heading(m.get(lang, "applications.outbox_heading"), 2);
    for (const auto& queued : in.nav.outbox) {
      const Procedure* procedure = in.catalog.find_procedure(queued.procedure_id);
      Heading(procedure ? counter_name(procedure->title, lang) : queued.procedure_id, 3);
      OutboxState(in, lang, queued, actions);
    }
    Separator();
  }
  draw_sent(in, lang, actions);
  Separator();
  Heading(m.get(lang, "applications.backup_heading"), 2);
  Paragraph(m.get(lang, "applications.backup_lead"));
  if (Button(m.get(lang, "applications.backup_open"), "backup.open")) actions.emplace_back(std::in_place_type<OpenBackup>);
}

}  // namespace madoguchi::ui
