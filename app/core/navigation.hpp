// Where the resident is in the app, and the actions that move them: screens draw this state and
// return actions; apply() is the only place the state changes.
#pragma once
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "checklist.hpp"

namespace madoguchi {

enum class Screen { Home, Event };

struct Route {
  Screen screen = Screen::Home;
  std::string event_id;  // Screen::Event
  bool operator==(const Route&) const = default;
};

struct OpenEvent { std::string event_id; };
struct GoBack {};
struct SetLanguage { std::string language; };
struct SetEventDate { std::string event_id; CivilDate date; };
struct AnswerQuestion { std::string event_id, question_id, value; };
struct ExportCalendar { std::string event_id; };  // a side effect for the platform: a calendar file
using Action = std::variant<OpenEvent, GoBack, SetLanguage, SetEventDate, AnswerQuestion, ExportCalendar>;

struct Navigation {
  Route current;
  std::vector<Route> history;  // routes to go back to, oldest first
  std::string language = "ja";
  std::map<std::string, EventAnswers, std::less<>> answers;  // by life event id
};

void apply(Navigation& nav, const Action& action);

}  // namespace madoguchi
