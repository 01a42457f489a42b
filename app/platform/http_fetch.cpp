// Each request gets an id; web/madoguchi.js fetches with a timeout and hands the bytes back
// through madoguchi_fetch_done, which owns and frees the buffer it receives.
#include "http_fetch.hpp"

#include <emscripten/emscripten.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <map>

namespace madoguchi::platform {
namespace {
std::map<int, std::function<void(FetchResult)>> g_pending;
int g_next_id = 1;

std::string headers_json(const std::vector<std::pair<std::string, std::string>>& headers) {
  boost::json::object h;
  for (const auto& [name, value] : headers) h[name] = value;
  return boost::json::serialize(h);
}

int remember(std::function<void(FetchResult)> done) {
  const int id = g_next_id++;
  g_pending[id] = std::move(done);
  return id;
}
}  // namespace

std::string describe_failure(const FetchResult& r, std::string_view url) {
  return std::string(url) + ": " + (r.status ? "HTTP " + std::to_string(r.status) : r.error);
}

EM_JS(void, js_fetch_asset, (int id, const char* url), { Madoguchi.fetchAsset(id, UTF8ToString(url)); });
EM_JS(void, js_fetch_api, (int id, const char* url, const char* headers_json), {
  Madoguchi.fetchApi(id, UTF8ToString(url), JSON.parse(UTF8ToString(headers_json)));
});
EM_JS(void, js_post_bytes, (int id, const char* url, const char* headers_json, const std::uint8_t* body, int size), {
  Madoguchi.postBytes(id, UTF8ToString(url), JSON.parse(UTF8ToString(headers_json)), HEAPU8.slice(body, body + size));
});

void fetch_asset(const std::string& url, std::function<void(FetchResult)> done) {
  js_fetch_asset(remember(std::move(done)), url.c_str());
}

void fetch_api(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
               std::function<void(FetchResult)> done) {
  js_fetch_api(remember(std::move(done)), url.c_str(), headers_json(headers).c_str());
}

void post_bytes(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                const std::vector<std::uint8_t>& body, std::function<void(FetchResult)> done) {
  js_post_bytes(remember(std::move(done)), url.c_str(), headers_json(headers).c_str(), body.data(),
                static_cast<int>(body.size()));
}

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_fetch_done(int id, int status, unsigned char* data, int size,
                                                          const char* error) {
  using namespace madoguchi::platform;
  auto it = g_pending.find(id);
  FetchResult r;
  r.status = status;
  r.ok = status >= 200 && status < 300;
  if (data) r.body.assign(data, data + size);
  if (error) r.error = error;
  std::free(data);
  if (it == g_pending.end()) return;
  auto done = std::move(it->second);
  g_pending.erase(it);
  done(std::move(r));
}
