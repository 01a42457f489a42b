// "Check your answers": every answer that will be sent (answer_rows.cpp), each with a change button back
// to its field; then sending, with what happens to the data said before the tap.
#include <imgui.h>

#include "core/field_validation.hpp"
#include "core/form_pages.hpp"
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

class ReviewView {
 public:
  ReviewView(const ViewInput& in, const Procedure& procedure, const FormDraft& draft, std::vector<Action>& actions)
      : in_(in), lang_(in.nav.language), procedure_(procedure), draft_(draft), actions_(actions),
        checked_(check_form(*procedure.form, draft.values, &in.nav.files)) {}

  void draw() {
    const auto& m = in_.messages;
    const bool sending = draft_.sending == FormDraft::Sending::Sending;
    if (!sending && BackButton(m.get(lang_, "nav.back"))) actions_.emplace_back(std::in_place_type<GoBack>);
    Heading(m.get(lang_, "review.heading"), 1);
    Paragraph(counter_name(procedure_.title, lang_));
    Separator();
    AnswerRows(in_, lang_, *procedure_.form, checked_, in_.nav.current.draft_id, !sending, 2, actions_);
    Separator();
    if (!checked_.problems.empty()) {
      // The answers changed since "continue" (another language's rule, a cleared field): fix them first.
      Alert(m.get(lang_, "review.has_problems"));
      if (Button(m.get(lang_, "review.back_to_form"), "review.back_to_form")) {
        actions_.push_back(OpenFormPage{in_.nav.current.draft_id, first_problem_page(*procedure_.form, checked_), true});
      }
      return;
    }
    Heading(m.get(lang_, "review.send_heading"), 2);
    Paragraph(m.get(lang_, "review.privacy"));
    if (draft_.sending == FormDraft::Sending::Failed) {
      std::vector<std::pair<std::string_view, std::string>> params(draft_.error_params.begin(), draft_.error_params.end());
      Alert(m.format(lang_, draft_.error_key, params));
    }
    if (sending) Paragraph(m.get(lang_, "review.sending_status"));
    else if (!in_.nav.online) Paragraph(m.get(lang_, "review.offline_note"));
    if (Button(m.get(lang_, sending ? "review.sending" : "review.send"), "review.send", true, sending))
      actions_.push_back(SubmitApplication{in_.nav.current.draft_id});
  }

 private:
  const ViewInput& in_;
  const std::string& lang_;
  const Procedure& procedure_;
  const FormDraft& draft_;
  std::vector<Action>& actions_;
  CheckedForm checked_;
};

}  // namespace

void draw_review_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const Procedure* procedure = in.catalog.find_procedure(procedure_of(in.nav.current.draft_id));
  auto draft = in.nav.drafts.find(in.nav.current.draft_id);
  if (!procedure || !procedure->form || draft == in.nav.drafts.end()) {
    if (BackButton(in.messages.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
    Heading(in.messages.get(lang, "event.not_found"), 1);
    return;
  }
  ReviewView(in, *procedure, draft->second, actions).draw();
}

}  // namespace madoguchi::ui
