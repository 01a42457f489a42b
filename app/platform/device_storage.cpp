// Calls into web/device_store.js by request id; answers come back through the madoguchi_storage_*
// exports, which copy what JS handed over and free it (the key buffer is wiped first).
#include "device_storage.hpp"

#include <emscripten/emscripten.h>
#include <sodium.h>

#include <cstdlib>
#include <cstring>

namespace madoguchi::platform {
namespace {

struct Pending {
  std::function<void(StoredRecords)> opened;
  std::function<void(std::string)> done;
  StoredRecords records;
};
std::map<int, Pending> g_pending;
int g_next_id = 1;

int remember(Pending p) {
  const int id = g_next_id++;
  g_pending[id] = std::move(p);
  return id;
}

Pending take(int id) {
  auto it = g_pending.find(id);
  if (it == g_pending.end()) return {};
  Pending p = std::move(it->second);
  g_pending.erase(it);
  return p;
}

}  // namespace

EM_JS(void, js_storage_open, (int id), {
  const copy = (bytes) => {
    const ptr = Module._malloc(Math.max(bytes.length, 1));
    Module.HEAPU8.set(bytes, ptr);
    return ptr;
  };
  MadoguchiDeviceStore.open()
    .then((opened) => {
      for (const record of opened.records)
        Module.ccall('madoguchi_storage_record', null, ['number', 'string', 'number', 'number'],
                     [id, String(record[0]), copy(record[1]), record[1].length]);
      const key = opened.key;
      const ptr = key ? copy(key) : 0;
      if (key) key.fill(0);
      Module.ccall('madoguchi_storage_opened', null, ['number', 'number', 'number', 'string'],
                   [id, ptr, key ? key.length : 0, '']);
    })
    .catch((e) => Module.ccall('madoguchi_storage_opened', null, ['number', 'number', 'number', 'string'],
                               [id, 0, 0, (e && e.name) || String(e)]));
});

EM_JS(void, js_storage_keep_key, (int id, const std::uint8_t* key, int size), {
  MadoguchiDeviceStore.keepKey(HEAPU8.slice(key, key + size))
    .then(() => Module.ccall('madoguchi_storage_done', null, ['number', 'string'], [id, '']))
    .catch((e) => Module.ccall('madoguchi_storage_done', null, ['number', 'string'], [id, (e && e.name) || String(e)]));
});

EM_JS(void, js_storage_batch_put, (int batch, const char* record_id, const std::uint8_t* blob, int size), {
  Module.storageBatches = Module.storageBatches || {};
  const b = Module.storageBatches[batch] = Module.storageBatches[batch] || { writes: [], removes: [] };
  b.writes.push([UTF8ToString(record_id), HEAPU8.slice(blob, blob + size)]);
});

EM_JS(void, js_storage_batch_remove, (int batch, const char* record_id), {
  Module.storageBatches = Module.storageBatches || {};
  const b = Module.storageBatches[batch] = Module.storageBatches[batch] || { writes: [], removes: [] };
  b.removes.push(UTF8ToString(record_id));
});

EM_JS(void, js_storage_batch_commit, (int batch), {
  const b = (Module.storageBatches || {})[batch] || { writes: [], removes: [] };
  delete Module.storageBatches[batch];
  MadoguchiDeviceStore.commit(b.writes, b.removes)
    .then(() => Module.ccall('madoguchi_storage_done', null, ['number', 'string'], [batch, '']))
    .catch((e) => Module.ccall('madoguchi_storage_done', null, ['number', 'string'], [batch, (e && e.name) || String(e)]));
});

void storage_open(std::function<void(StoredRecords)> done) {
  Pending p;
  p.opened = std::move(done);
  js_storage_open(remember(std::move(p)));
}

void storage_keep_device_key(const crypto::SecretBytes& key, std::function<void(std::string)> done) {
  Pending p;
  p.done = std::move(done);
  js_storage_keep_key(remember(std::move(p)), key.data(), static_cast<int>(key.size()));
}

void storage_commit(const std::vector<std::pair<std::string, std::vector<std::uint8_t>>>& writes,
                    const std::vector<std::string>& removes, std::function<void(std::string)> done) {
  Pending p;
  p.done = std::move(done);
  const int batch = remember(std::move(p));
  for (const auto& [id, blob] : writes)
    js_storage_batch_put(batch, id.c_str(), blob.data(), static_cast<int>(blob.size()));
  for (const auto& id : removes) js_storage_batch_remove(batch, id.c_str());
  js_storage_batch_commit(batch);
}

}  // namespace madoguchi::platform

using madoguchi::platform::g_pending;

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_storage_record(int id, const char* record_id, std::uint8_t* blob,
                                                              int size) {
  if (auto it = g_pending.find(id); it != g_pending.end())
    it->second.records.records[record_id].assign(blob, blob + size);
  std::free(blob);
}

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_storage_opened(int id, std::uint8_t* key, int size, const char* error) {
  using namespace madoguchi;
  platform::Pending p = platform::take(id);
  if (key && size > 0) {
    p.records.key.emplace(static_cast<std::size_t>(size));
    std::memcpy(p.records.key->data(), key, static_cast<std::size_t>(size));
    sodium_memzero(key, static_cast<std::size_t>(size));
  }
  std::free(key);
  p.records.error = error ? error : "";
  if (p.opened) p.opened(std::move(p.records));
}

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_storage_done(int id, const char* error) {
  madoguchi::platform::Pending p = madoguchi::platform::take(id);
  if (p.done) p.done(error ? error : "");
}
