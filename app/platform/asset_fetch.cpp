// Each request gets an id; web/madoguchi.js fetches with a timeout and hands the bytes back
// through madoguchi_fetch_done, which owns and frees the buffer it receives.
#include "asset_fetch.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <map>

namespace madoguchi::platform {
namespace {
std::map<int, std::function<void(FetchResult)>> g_pending;
int g_next_id = 1;
}  // namespace

EM_JS(void, js_fetch_asset, (int id, const char* url), { Madoguchi.fetchAsset(id, UTF8ToString(url)); });

void fetch_asset(const std::string& url, std::function<void(FetchResult)> done) {
  int id = g_next_id++;
  g_pending[id] = std::move(done);
  js_fetch_asset(id, url.c_str());
}

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_fetch_done(int id, int status, unsigned char* data, int size,
                                                          const char* error) {
  using namespace madoguchi::platform;
  auto it = g_pending.find(id);
  FetchResult r;
  r.status = status;
  r.ok = data != nullptr && status >= 200 && status < 300;
  if (data) r.body.assign(data, data + size);
  if (error) r.error = error;
  std::free(data);
  if (it == g_pending.end()) return;
  auto done = std::move(it->second);
  g_pending.erase(it);
  done(std::move(r));
}
