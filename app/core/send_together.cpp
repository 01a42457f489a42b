// Which drafts may go together.
#include "send_together.hpp"

#include "checklist.hpp"
#include "draft_id.hpp"
#include "field_validation.hpp"

namespace madoguchi {

std::vector<std::string> drafts_ready_to_send(const Catalog& catalog, const LifeEvent& event, const EventAnswers& answers,
                                              const Navigation& nav) {
  std::vector<std::string> ready;
  for (const auto& item : build_checklist(catalog, event, answers)) {
    const Procedure& procedure = *item.procedure;
    if (!procedure.online.available || !procedure.form) continue;
    for (const auto& [id, draft] : nav.drafts) {
      if (procedure_of(id) != procedure.id || !draft.queued.empty() || draft.values.all().empty()) continue;
      if (check_form(*procedure.form, draft.values, &nav.files).problems.empty()) ready.push_back(id);
    }
  }
  return ready;
}

}  // namespace madoguchi
