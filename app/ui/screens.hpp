// The app's screens: life events, one event's procedures, an application form, checking the answers,
// the receipt, and the applications sent from this device.
#pragma once
#include <string>
#include <vector>

#include "app_view.hpp"

namespace madoguchi::ui {

void draw_home_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_event_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_form_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_review_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_receipt_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_applications_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);

}  // namespace madoguchi::ui
