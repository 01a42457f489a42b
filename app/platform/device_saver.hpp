// Keeps the resident's drafts and session on the device, sealed under the device key. Implements:
//  - start: opens the store, makes and keeps a device key on a first visit, opens every record to text
//  - a save at most 0.4 s after a change, and at once when the page is hidden (visibilitychange, pagehide)
//  - one transaction per save, only records that changed; a failed save is retried every 5 s and its
//    reason reaches the resident (DeviceStorageFailed), the next good save clears it (DeviceSaved)
//  - a save that a caller waits for, before the page reloads into a new version
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/navigation.hpp"

namespace madoguchi::platform {

struct DeviceOpened {
  std::map<std::string, std::string> records;  // record id -> the text that was sealed
  std::vector<std::string> unreadable;         // records that did not open; left on the device untouched
  std::string problem_key;                     // "storage.error.*" when the store cannot be used, else ""
};

struct DeviceSaverHooks {
  std::function<std::map<std::string, std::string>()> records;  // what should be on the device now
  std::function<void(Action)> apply;  // DraftsEdited, DeviceSaved and DeviceStorageFailed go back to the app
};

void device_saver_start(DeviceSaverHooks hooks, std::function<void(DeviceOpened)> opened);

// Something the resident did may have changed a record: save soon.
void device_saver_changed();

// Save now and call `then` once every change is committed (or has failed): before a reload.
void device_saver_save(std::function<void()> then);

}  // namespace madoguchi::platform
