// Where the resident is in the app, and the actions that move them: screens draw this state and
// return actions; apply() is the only place the state changes.
#pragma once
#include <string>
#include <variant>
#include <vector>

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
using Action = std::variant<OpenEvent, GoBack, SetLanguage>;

struct Navigation {
  Route current;
  std::vector<Route> history;  // routes to go back to, oldest first
  std::string language = "ja";
};

void apply(Navigation& nav, const Action& action);

}  // namespace madoguchi
