// Orders applicable procedures by their "after" dependencies (Kahn's algorithm, always taking the
// earliest-listed ready item, so the catalog's order holds wherever dependencies allow).
#include "checklist.hpp"

#include <algorithm>
#include <memory>

namespace madoguchi {
namespace {

std::optional<std::string> find_answer(const EventAnswers& answers, std::string_view id) {
  auto it = answers.answers.find(id);
  if (it == answers.answers.end()) return std::nullopt;
  return it->second;
}

}  // namespace

AnswerLookup current_answers(const LifeEvent& event, const EventAnswers& answers) {
  // Walk the questions in order: each one counts only if its own condition holds on the answers
  // that count before it.
  auto counted = std::make_shared<std::map<std::string, std::string, std::less<>>>();
  AnswerLookup so_far = [counted](std::string_view id) -> std::optional<std::string> {
    auto it = counted->find(id);
    if (it == counted->end()) return std::nullopt;
    return it->second;
  };
  for (const auto& q : event.questions) {
    if (q.when && !q.when->holds(so_far)) continue;
    if (auto value = find_answer(answers, q.id)) (*counted)[q.id] = *value;
  }
  return so_far;
}

std::vector<const Question*> questions_to_ask(const LifeEvent& event, const EventAnswers& answers) {
  AnswerLookup lookup = current_answers(event, answers);
  std::vector<const Question*> out;
  for (const auto& q : event.questions)
    if (!q.when || q.when->holds(lookup)) out.push_back(&q);
  return out;
}

std::vector<ChecklistItem> build_checklist(const Catalog& catalog, const LifeEvent& event, const EventAnswers& answers) {
  AnswerLookup lookup = current_answers(event, answers);
  std::vector<ChecklistItem> applicable;
  for (const auto& entry : event.procedures) {
    if (entry.when && !entry.when->holds(lookup)) continue;
    const Procedure* p = catalog.find_procedure(entry.procedure_id);
    if (!p) continue;
    ChecklistItem item{p, &entry, std::nullopt};
    if (answers.event_date) item.due = due_date(p->deadline, *answers.event_date);
    applicable.push_back(item);
  }
  auto is_listed = [&](const std::string& id) {
    return std::any_of(applicable.begin(), applicable.end(), [&](const ChecklistItem& i) { return i.procedure->id == id; });
  };
  std::vector<ChecklistItem> ordered;
  std::vector<bool> placed(applicable.size(), false);
  auto is_placed = [&](const std::string& id) {
    return std::any_of(ordered.begin(), ordered.end(), [&](const ChecklistItem& i) { return i.procedure->id == id; });
  };
  while (ordered.size() < applicable.size()) {
    bool progressed = false;
    for (std::size_t i = 0; i < applicable.size(); ++i) {
      if (placed[i]) continue;
      const auto& deps = applicable[i].procedure->after;
      bool ready = std::all_of(deps.begin(), deps.end(), [&](const std::string& d) { return !is_listed(d) || is_placed(d); });
      if (!ready) continue;
      ordered.push_back(applicable[i]);
      placed[i] = true;
      progressed = true;
      break;
    }
    if (progressed) continue;
    // Only a dependency cycle gets here, and the catalog check refuses those; keep the listed order.
    for (std::size_t i = 0; i < applicable.size(); ++i)
      if (!placed[i]) ordered.push_back(applicable[i]);
    break;
  }
  return ordered;
}

}  // namespace madoguchi
