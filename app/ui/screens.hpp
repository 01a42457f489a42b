// The screens of the foundation: the life events, and the procedures one event needs.
#pragma once
#include <string>
#include <vector>

#include "app_view.hpp"

namespace madoguchi::ui {

void draw_home_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_event_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);

}  // namespace madoguchi::ui
