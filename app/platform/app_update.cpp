// Thin EM_JS calls into web/app_update.js, and the callback it makes when a new version is waiting.
#include "app_update.hpp"

#include <emscripten/emscripten.h>

#include <utility>

namespace madoguchi::platform {
namespace {

std::function<void()> g_on_update_ready;

EM_JS(void, js_app_update_start, (), { MadoguchiUpdate.start(() => Module._madoguchi_app_update_ready()); });
EM_JS(void, js_app_update_apply, (), { MadoguchiUpdate.apply(); });

}  // namespace

void app_update_init(std::function<void()> on_update_ready) {
  g_on_update_ready = std::move(on_update_ready);
  js_app_update_start();
}

void app_update_apply() { js_app_update_apply(); }

}  // namespace madoguchi::platform

extern "C" EMSCRIPTEN_KEEPALIVE void madoguchi_app_update_ready() {
  if (madoguchi::platform::g_on_update_ready) madoguchi::platform::g_on_update_ready();
}
