// No alpha, depth or antialiasing: imgui draws opaque 2D triangles, and each costs memory on phones.
#include "webgl_context.hpp"

#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>

namespace madoguchi::platform {

bool create_webgl2_context(const char* canvas_selector) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = attrs.depth = attrs.stencil = attrs.antialias = EM_FALSE;
  // Core WebGL 2 is all the renderer uses. Enabling every extension the browser offers, as Emscripten
  // does by default, took 120 ms of a 4x-throttled phone's first frame (README, First load).
  attrs.enableExtensionsByDefault = EM_FALSE;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(canvas_selector, &attrs);
  if (ctx <= 0) return false;
  return emscripten_webgl_make_context_current(ctx) == EMSCRIPTEN_RESULT_SUCCESS;
}

}  // namespace madoguchi::platform
