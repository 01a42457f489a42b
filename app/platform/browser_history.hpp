// The browser's history in step with the app's route (History API), so the back button and Android's
// back gesture go back one screen and every screen has a link. Implements:
//  - the route in location.hash at start, so a shared or bookmarked link opens its screen
//  - pushState for a new screen, replaceState when one screen replaces another (sent → receipt)
//  - history.back() for the app's own back button when the step is one this page pushed, so the
//    browser's history never keeps screens the app left
//  - popstate (back, forward, a link within the page) handed to the app as a FollowUrl action
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/navigation.hpp"

namespace madoguchi::platform {

// `follow` applies a FollowUrl action to the app; called again for every popstate.
void browser_history_init(std::function<void(const Action&)> follow);

// The route in the address bar when the page opened; with none there (a reopened tab, the home-screen
// icon), the screen of `resume_fragment`, where the resident was last; the home screen for an unknown one.
Route initial_route(const std::string& resume_fragment);

// After the app's route changed from `before` (with `before_history` behind it) to nav's.
void browser_history_update(const Route& before, const std::vector<Route>& before_history, const Navigation& nav);

// After a FollowUrl: the browser is already there; the address bar is corrected if the app went
// elsewhere (a review with nothing to check opens the form).
void browser_history_followed(std::size_t before_history_size, const Navigation& nav);

}  // namespace madoguchi::platform
