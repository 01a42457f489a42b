// Several applications of one life event on one screen: every answer of each, one privacy note and one
// confirmation; once sent, where each one stands, with its own receipt number.
#include <imgui.h>

#include <algorithm>

#include "core/answer_text.hpp"
#include "core/send_together.hpp"
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

// "国民健康保険の加入（山田 太郎）": a household sends one form per person, told apart by whose it is.
std::string draft_title(const ViewInput& in, const Procedure& procedure, const FormValues* values, const std::string& lang) {
  std::string title = counter_name(procedure.title, lang);
  const std::string name = values && procedure.form ? draft_name(*procedure.form, *values) : std::string();
  if (name.empty()) return title;
  return in.messages.format(lang, "together.draft_title", {{"procedure", title}, {"name", name}});
}

void draw_ready(const ViewInput& in, const std::string& lang, const std::vector<std::string>& ready,
                std::vector<Action>& actions) {
  const auto& m = in.messages;
  if (ready.empty()) {
    Paragraph(m.get(lang, "together.none"));
    return;
  }
  Paragraph(m.format(lang, "together.lead", {{"count", std::to_string(ready.size())}}));
  for (const auto& id : ready) {
    const Procedure& procedure = *in.catalog.find_procedure(procedure_of(id));
    const FormDraft& draft = in.nav.drafts.at(id);
    Separator();
    Heading(draft_title(in, procedure, &draft.values, lang), 2);
    const CheckedForm checked = check_form(*procedure.form, draft.values, &in.nav.files);
    AnswerRows(in, lang, *procedure.form, checked, id, true, 3, actions);
  }
  Separator();
  Heading(m.get(lang, "review.send_heading"), 2);
  Paragraph(m.get(lang, "review.privacy"));
  if (!in.nav.online) Paragraph(m.get(lang, "review.offline_note"));
  if (Button(m.format(lang, "together.send", {{"count", std::to_string(ready.size())}}), "together.send", true))
    actions.push_back(SubmitTogether{ready});
}

// Where each application sent together stands: being sealed, waiting or on its way, sent with its
// receipt, or refused with the reason and the way back to it.
void draw_sent(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  for (const auto& id : in.nav.together) {
    const Procedure* procedure = in.catalog.find_procedure(procedure_of(id));
    if (!procedure) continue;
    ImGui::PushID(id.c_str());
    Separator();
    auto draft = in.nav.drafts.find(id);
    const SentApplication* sent = nullptr;
    for (const auto& s : in.nav.sent)
      if (s.draft_id == id) sent = &s;
    const FormValues* values = draft != in.nav.drafts.end() ? &draft->second.values : sent ? &sent->values : nullptr;
    Heading(draft_title(in, *procedure, values, lang), 2);
    if (draft == in.nav.drafts.end()) {
      if (sent) Paragraph(m.format(lang, "applications.receipt", {{"receipt", sent->receipt}}));
    } else if (draft->second.sending == FormDraft::Sending::Failed) {
      std::vector<std::pair<std::string_view, std::string>> params(draft->second.error_params.begin(),
                                                                   draft->second.error_params.end());
      Alert(m.format(lang, draft->second.error_key, params));
      if (Button(m.get(lang, "together.open_draft"), "open")) actions.push_back(OpenDraft{id, draft_resume_page(in, id)});
    } else if (!draft->second.queued.empty()) {
      auto queued = std::find_if(in.nav.outbox.begin(), in.nav.outbox.end(),
                                 [&](const QueuedApplication& q) { return q.submission_id() == draft->second.queued; });
      if (queued != in.nav.outbox.end()) OutboxState(in, lang, *queued, actions);
    } else {
      Paragraph(m.get(lang, "review.sending_status"));
    }
    ImGui::PopID();
  }
  Separator();
  if (Button(m.get(lang, "receipt.queued_open"), "applications.open")) actions.push_back(OpenApplications{});
}

}  // namespace

void draw_send_together_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const LifeEvent* event = EventScreenStart(in, lang, actions);
  if (!event) return;
  Heading(in.messages.get(lang, "together.heading"), 1);
  Paragraph(event->title.in(lang));
  if (!in.nav.together.empty()) return draw_sent(in, lang, actions);
  draw_ready(in, lang, drafts_ready_to_send(in.catalog, *event, answers_for(in, *event), in.nav), actions);
}

}  // namespace madoguchi::ui
