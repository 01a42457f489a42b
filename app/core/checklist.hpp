// The navigator's answer to "something happened: what must I do, and by when": the procedures of a
// life event that apply to this resident's answers, in an order that respects their dependencies,
// each with its due date counted from the event date.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "civil_date.hpp"
#include "due_date.hpp"

namespace madoguchi {

struct EventAnswers {
  std::optional<CivilDate> event_date;
  std::map<std::string, std::string, std::less<>> answers;  // question id -> "yes"/"no" or a choice value
};

// The questions to show now: those without a condition, and those whose condition the answers meet.
std::vector<const Question*> questions_to_ask(const LifeEvent& event, const EventAnswers& answers);

// The answers that count: an answer to a question that is no longer asked (because an earlier
// answer changed) is ignored rather than deciding procedures.
AnswerLookup current_answers(const LifeEvent& event, const EventAnswers& answers);

struct ChecklistItem {
  const Procedure* procedure = nullptr;
  const EventProcedure* entry = nullptr;  // its `why` explains a conditional item
  std::optional<DueDate> due;             // none without a legal deadline or an event date
};

std::vector<ChecklistItem> build_checklist(const Catalog& catalog, const LifeEvent& event, const EventAnswers& answers);

}  // namespace madoguchi
