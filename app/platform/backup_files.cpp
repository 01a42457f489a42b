// Argon2id runs on the page's thread: 0.1-0.2 s in wasm on a phone (README), one frame's pause the
// "working" button covers, cheaper than a worker that would need its own copy of the records.
#include "backup_files.hpp"

#include <emscripten/emscripten.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/backup_contents.hpp"
#include "crypto/backup_file.hpp"
#include "file_download.hpp"
#include "local_clock.hpp"

namespace madoguchi::platform {
namespace {

std::function<void(Action)> g_picked;

EM_JS(void, js_pick_file, (), {
  const input = document.createElement('input');
  input.type = 'file';
  input.addEventListener('change', function() {
    const file = input.files && input.files[0];
    if (!file) return;
    // A backup is kilobytes; a video picked by mistake is not read into memory, and reads as no backup.
    const read = file.size > 64 * 1024 * 1024 ? Promise.resolve(new ArrayBuffer(0)) : file.arrayBuffer();
    read.then(function(buffer) {
      const bytes = new Uint8Array(buffer);
      const ptr = Module._malloc(Math.max(bytes.length, 1));
      HEAPU8.set(bytes, ptr);
      Module.ccall('madoguchi_file_picked', null, ['number', 'number', 'string'], [ptr, bytes.length, file.name]);
    });
  });
  input.click();
});

std::string file_name() {
  const CivilDate today = local_today();
  char name[48];
  std::snprintf(name, sizeof name, "madoguchi-backup-%04d-%02d-%02d.madoguchi", today.year, today.month, today.day);
  return name;
}

}  // namespace

Action save_backup_file(const std::map<std::string, std::string>& records, const std::string& passphrase) {
  std::string contents = backup_contents(records, utc_iso_time());
  try {
    const std::vector<std::uint8_t> file = crypto::seal_backup(passphrase, contents);
    sodium_memzero(contents.data(), contents.size());
    const std::string name = file_name();
    offer_download(name, "application/octet-stream", std::string(file.begin(), file.end()));
    return BackupMade{name};
  } catch (const std::exception& e) {
    sodium_memzero(contents.data(), contents.size());
    std::fprintf(stderr, "backup: %s\n", e.what());
    return BackupFailed{"backup.error.device"};
  }
}

void pick_backup_file(std::function<void(Action)> picked) {
  g_picked = std::move(picked);
  js_pick_file();
}

std::variant<std::string, BackupFailed> open_backup_file(const std::vector<std::uint8_t>& file,
                                                          const std::string& passphrase) {
  auto opened = crypto::open_backup(passphrase, file);
  if (auto* text = std::get_if<std::string>(&opened)) return std::move(*text);
  switch (std::get<crypto::BackupError>(opened)) {
    case crypto::BackupError::NotABackup: return BackupFailed{"backup.error.not_a_backup"};
    case crypto::BackupError::NewerVersion: return BackupFailed{"backup.error.newer_version"};
    case crypto::BackupError::Damaged: return BackupFailed{"backup.error.damaged"};
    case crypto::BackupError::WrongPassphraseOrDamaged: return BackupFailed{"backup.error.wrong_passphrase"};
    case crypto::BackupError::OutOfMemory: return BackupFailed{"backup.error.memory"};
  }
  return BackupFailed{"backup.error.damaged"};
}

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_file_picked(std::uint8_t* data, int size, const char* name) {
  using namespace madoguchi;
  auto bytes = std::make_shared<const std::vector<std::uint8_t>>(data, data + size);
  std::free(data);
  if (platform::g_picked) platform::g_picked(BackupFileChosen{name ? name : "", std::move(bytes)});
}
