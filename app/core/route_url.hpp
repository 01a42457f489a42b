// Each screen's address in the page's URL fragment, so the browser's back button, Android's back
// gesture and a shared link all work: "#/event/birth", "#/event/birth/apply/kokuho-kanyu/review",
// "#/event/moving-in/apply/tennyu-todoke/page/3" (a form's third page).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "navigation.hpp"

namespace madoguchi {

std::string route_fragment(const Route& route);

// nullopt for a fragment no screen has (a mistyped link opens the home screen).
std::optional<Route> route_from_fragment(std::string_view fragment);

// The screens a resident passes through to reach `route` (home, then its event): the app's back button
// after opening a link goes up through them.
std::vector<Route> parent_routes(const Route& route);

}  // namespace madoguchi
