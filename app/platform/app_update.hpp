// The offline app shell's update flow for the app (the service worker and its page side are
// web/service_worker.js and web/app_update.js). Implements:
//  - registering the service worker once the app runs, which precaches this version for offline starts
//  - looking for a new version in the background: on start and when the page is shown again, at most
//    hourly; the page never reloads by itself
//  - on_update_ready when a new version is installed and waiting (or another tab has switched to it),
//    so the app can offer a reload at a safe moment
//  - app_update_apply: switches to the waiting version and reloads the page once it is in control
#pragma once
#include <functional>

namespace madoguchi::platform {

void app_update_init(std::function<void()> on_update_ready);
void app_update_apply();

}  // namespace madoguchi::platform
