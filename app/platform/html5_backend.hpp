// Dear ImGui platform backend for the browser, on emscripten/html5.h (no SDL/GLFW port exists in
// Debian's emscripten). Implements:
//  - display size in CSS px and framebuffer scale = devicePixelRatio (the canvas is sized to match)
//  - mouse: position, left button, wheel
//  - touch: press at the finger's position, latched so a quick tap is never lost; the pointer
//    leaves one frame after release (no stuck hover); a drag past 10 px scrolls the window under
//    the finger and cancels the press
//  - touch momentum: a drag lifted at speed flicks on, slowing down (ui/touch_momentum); a finger
//    that lands on a moving page stops it and is no tap
//  - draw on demand: a frame runs only after an event (input, resize, a request), plus a few
//    follow-up frames for imgui's frame-latched state, and every frame while a flick runs; nothing
//    runs at rest or while hidden
#pragma once
#include <functional>

namespace madoguchi::platform {

struct BackendCallbacks {
  std::function<void()> frame;                    // NewFrame .. Render .. draw, once per scheduled frame
  std::function<void(float density)> density_changed;  // rebuild density-dependent resources (fonts)
};

void backend_init(const char* canvas_selector, BackendCallbacks callbacks);
void backend_new_frame();           // call first in the frame callback, before ImGui::NewFrame()
void request_frames(int count = 3); // schedule a frame and `count - 1` follow-ups
float pixel_density();

}  // namespace madoguchi::platform
