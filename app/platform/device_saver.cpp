// Which records changed is app/core/device_records' answer; this file only seals them, hands them to
// IndexedDB, and decides when.
#include "device_saver.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include <cstdio>
#include <optional>

#include "core/device_records.hpp"
#include "crypto/device_record.hpp"
#include "device_storage.hpp"
#include "local_clock.hpp"

namespace madoguchi::platform {
namespace {

constexpr double kSaveDelayMs = 400;  // typing keeps going; a save this soon still lands within a second
constexpr double kRetryDelayMs = 5000;

struct Saver {
  DeviceSaverHooks hooks;
  std::optional<crypto::SecretBytes> key;
  std::map<std::string, std::string> saved;  // what the device holds, as text
  bool ready = false, committing = false, timer = false, failed = false, again = false;
  double blocking_ms = 0;  // the running save's time on the page's thread
  std::vector<std::function<void()>> when_saved;  // device_saver_save's callers, waiting for the commit
};
Saver g_saver;

void save_now();

// Each save's cost on the page's thread (finding changes, sealing, handing them to IndexedDB) and its time
// until IndexedDB committed, for tools/bench/draft-save-bench; the page keeps the last few hundred.
EM_JS(void, js_note_save, (double blocking_ms, double committed_ms, int bytes), {
  MadoguchiDeviceStore.noteSave(blocking_ms, committed_ms, bytes);
});

void save_later(double ms) {
  if (g_saver.timer) return;
  g_saver.timer = true;
  emscripten_set_timeout(
      [](void*) {
        g_saver.timer = false;
        save_now();
      },
      ms, nullptr);
}

std::string problem_for(const std::string& error) {
  return error == "QuotaExceededError" ? "storage.error.quota" : "storage.error.unavailable";
}

void saved_or_failed() {
  auto waiting = std::move(g_saver.when_saved);
  g_saver.when_saved.clear();
  for (auto& then : waiting) then();
}

void save_now() {
  if (!g_saver.ready || !g_saver.key) return saved_or_failed();
  if (g_saver.committing) {
    g_saver.again = true;
    return;
  }
  const double started = emscripten_get_now();
  RecordChanges changes = record_changes(g_saver.saved, g_saver.hooks.records());
  if (changes.empty()) return saved_or_failed();
  std::vector<std::string> drafts;
  const std::string prefix = kDraftRecordPrefix;
  for (const auto& id : changes.write)
    if (id.starts_with(prefix)) drafts.push_back(id.substr(prefix.size()));
  if (!drafts.empty()) g_saver.hooks.apply(DraftsEdited{drafts, utc_iso_time()});

  auto now = g_saver.hooks.records();
  std::vector<std::pair<std::string, std::vector<std::uint8_t>>> writes;
  int bytes = 0;
  for (const auto& id : changes.write) {
    writes.emplace_back(id, crypto::seal_device_record(*g_saver.key, id, now[id]));
    bytes += static_cast<int>(writes.back().second.size());
  }
  g_saver.committing = true;
  storage_commit(writes, changes.remove, [changes, now = std::move(now), bytes, started](std::string error) {
    g_saver.committing = false;
    js_note_save(g_saver.blocking_ms, emscripten_get_now() - started, bytes);
    if (!error.empty()) {
      std::fprintf(stderr, "device save failed: %s\n", error.c_str());
      g_saver.failed = true;
      g_saver.hooks.apply(DeviceStorageFailed{problem_for(error)});
      save_later(kRetryDelayMs);
      return saved_or_failed();
    }
    for (const auto& id : changes.write) g_saver.saved[id] = now.at(id);
    for (const auto& id : changes.remove) g_saver.saved.erase(id);
    if (g_saver.failed) {
      g_saver.failed = false;
      g_saver.hooks.apply(DeviceSaved{});
    }
    if (g_saver.again) {
      g_saver.again = false;
      save_now();
    } else {
      saved_or_failed();
    }
  });
  g_saver.blocking_ms = emscripten_get_now() - started;
}

void opened(StoredRecords stored, const std::function<void(DeviceOpened)>& done) {
  DeviceOpened out;
  if (!stored.error.empty()) {
    std::fprintf(stderr, "device storage could not be opened: %s\n", stored.error.c_str());
    out.problem_key = "storage.error.unavailable";
    return done(std::move(out));
  }
  if (!stored.key) {
    // A first visit, or the browser lost the wrapping key: old records cannot be opened any more.
    for (const auto& [id, blob] : stored.records) out.unreadable.push_back(id);
    g_saver.key = crypto::new_device_key();
    storage_keep_device_key(*g_saver.key, [](std::string error) {
      if (error.empty()) return;
      g_saver.key.reset();  // drafts sealed under a key that is not kept could never be opened again
      g_saver.hooks.apply(DeviceStorageFailed{problem_for(error)});
    });
  } else {
    g_saver.key = std::move(stored.key);
    for (const auto& [id, blob] : stored.records) {
      if (auto text = crypto::open_device_record(*g_saver.key, id, blob)) out.records[id] = std::move(*text);
      else out.unreadable.push_back(id);
    }
  }
  if (!out.unreadable.empty()) out.problem_key = "storage.error.unreadable";
  g_saver.saved = out.records;
  g_saver.ready = true;
  done(std::move(out));
}

}  // namespace

EM_JS(void, js_watch_page_hide, (), {
  const save = () => Module._madoguchi_device_save_now();
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(); });
  window.addEventListener('pagehide', save);
});

void device_saver_start(DeviceSaverHooks hooks, std::function<void(DeviceOpened)> done) {
  g_saver.hooks = std::move(hooks);
  js_watch_page_hide();
  storage_open([done = std::move(done)](StoredRecords stored) { opened(std::move(stored), done); });
}

void device_saver_changed() { save_later(kSaveDelayMs); }

void device_saver_save(std::function<void()> then) {
  g_saver.when_saved.push_back(std::move(then));
  save_now();  // while a save is running, this asks for another once it is done
}

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_device_save_now() { madoguchi::platform::save_now(); }
