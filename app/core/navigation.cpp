// Moving between screens keeps a history so "back" returns where the resident came from.
#include "navigation.hpp"

namespace madoguchi {

void apply(Navigation& nav, const Action& action) {
  if (const auto* open = std::get_if<OpenEvent>(&action)) {
    Route next{Screen::Event, open->event_id};
    if (next == nav.current) return;
    nav.history.push_back(nav.current);
    nav.current = next;
  } else if (std::holds_alternative<GoBack>(action)) {
    if (nav.history.empty()) {
      nav.current = Route{};
    } else {
      nav.current = nav.history.back();
      nav.history.pop_back();
    }
  } else if (const auto* lang = std::get_if<SetLanguage>(&action)) {
    nav.language = lang->language;
  } else if (const auto* date = std::get_if<SetEventDate>(&action)) {
    nav.answers[date->event_id].event_date = date->date;
  } else if (const auto* answer = std::get_if<AnswerQuestion>(&action)) {
    nav.answers[answer->event_id].answers[answer->question_id] = answer->value;
  }
}

}  // namespace madoguchi
