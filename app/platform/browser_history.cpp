// Fragment URLs ("#/event/birth") from core/route_url; the JS side is three History API calls.
#include "browser_history.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

#include "core/route_url.hpp"

namespace madoguchi::platform {
namespace {

std::function<void(const Action&)> g_follow;
int g_pushed = 0;  // entries this page pushed that are still behind the current one

EM_JS(void, js_history_listen, (), {
  window.addEventListener('popstate', () => Module.ccall('madoguchi_history_pop', null, ['string'], [location.hash]));
});
EM_JS(char*, js_location_hash, (), {
  const s = location.hash;
  const size = lengthBytesUTF8(s) + 1;
  const ptr = _malloc(size);
  stringToUTF8(s, ptr, size);
  return ptr;
});
EM_JS(void, js_history_push, (const char* fragment), { history.pushState(null, '', UTF8ToString(fragment)); });
EM_JS(void, js_history_replace, (const char* fragment), { history.replaceState(null, '', UTF8ToString(fragment)); });
EM_JS(void, js_history_back, (), { history.back(); });

std::string location_hash() {
  char* s = js_location_hash();
  std::string out(s);
  std::free(s);
  return out;
}

}  // namespace

void browser_history_init(std::function<void(const Action&)> follow) {
  g_follow = std::move(follow);
  js_history_listen();
}

Route initial_route(const std::string& resume_fragment) {
  const std::string hash = location_hash();
  return route_from_fragment(hash.empty() ? resume_fragment : hash).value_or(Route{});
}

void browser_history_update(const Route& before, const std::vector<Route>& before_history, const Navigation& nav) {
  if (nav.current == before) return;
  const std::string fragment = route_fragment(nav.current);
  const bool stepped_back = !before_history.empty() && nav.current == before_history.back() &&
                            nav.history.size() + 1 == before_history.size();
  if (stepped_back && g_pushed > 0) {
    --g_pushed;
    js_history_back();  // its popstate finds the app already there
  } else if (nav.history.size() == before_history.size() + 1) {
    ++g_pushed;
    js_history_push(fragment.c_str());
  } else {
    js_history_replace(fragment.c_str());
  }
}

void browser_history_followed(std::size_t before_history_size, const Navigation& nav) {
  if (nav.history.size() < before_history_size && g_pushed > 0) --g_pushed;
  if (nav.history.size() > before_history_size) ++g_pushed;
  const std::string fragment = route_fragment(nav.current);
  const std::string shown = location_hash();
  if (fragment != shown && !(fragment == "#/" && shown.empty())) js_history_replace(fragment.c_str());
}

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_history_pop(const char* hash) {
  using namespace madoguchi;
  using namespace madoguchi::platform;
  if (!g_follow) return;
  g_follow(FollowUrl{route_from_fragment(hash).value_or(Route{})});
}
