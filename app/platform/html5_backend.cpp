// Browser events become ImGui input state; requestAnimationFrame runs frames only on demand.
#include "html5_backend.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>
#include <string>

#include "ui/touch_momentum.hpp"

namespace madoguchi::platform {
namespace {

constexpr float kDragThreshold = 10.0f;  // CSS px a finger may wander before a tap becomes a scroll

struct Pointer {
  float x = -FLT_MAX, y = -FLT_MAX;
  bool down = false;
  bool pressed_since_frame = false;  // a press seen by no frame yet: keep it down for one frame
  bool leave_after_release = false;  // touch: move the pointer away once the release was seen
  bool touching = false;
  bool stopped_flick = false;  // this touch landed on a flicking page: it only stops it
  float start_x = 0, start_y = 0;
  bool dragging = false;
  float scroll_dy = 0;
  ImGuiWindow* drag_window = nullptr;  // what the drag, and the flick after it, scroll
};

std::string g_canvas;
BackendCallbacks g_callbacks;
Pointer g_pointer;
ui::TouchMomentum g_momentum;
float g_wheel = 0;
int g_frames_wanted = 0;
bool g_frame_scheduled = false;
double g_frame_time = 0;  // ms, of the frame being drawn: the clock of the events' timestamps
float g_density = 0;

EM_BOOL on_animation_frame(double now_ms, void*);

void schedule() {
  if (g_frame_scheduled) return;
  g_frame_scheduled = true;
  emscripten_request_animation_frame(on_animation_frame, nullptr);
}

EM_BOOL on_animation_frame(double now_ms, void*) {
  g_frame_scheduled = false;
  if (g_frames_wanted > 0) --g_frames_wanted;
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = g_frame_time > 0 ? static_cast<float>(std::fmin(std::fmax((now_ms - g_frame_time) / 1000.0, 0.001), 0.25)) : 1.0f / 60;
  g_frame_time = now_ms;
  g_callbacks.frame();
  if (g_frames_wanted > 0) schedule();
  return EM_FALSE;
}

void pointer_to(float x, float y) {
  g_pointer.x = x;
  g_pointer.y = y;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;
  pointer_to(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) {
    g_momentum.stop();
    g_pointer.down = g_pointer.pressed_since_frame = true;
  } else if (type == EMSCRIPTEN_EVENT_MOUSEUP) {
    g_pointer.down = false;
  }
  request_frames();
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  float dy = static_cast<float>(e->deltaY);
  if (e->deltaMode == DOM_DELTA_LINE) dy *= 20;
  else if (e->deltaMode == DOM_DELTA_PAGE) dy *= 400;
  g_wheel -= dy / 100.0f;
  g_momentum.stop();
  request_frames();
  return EM_TRUE;
}

// The window a drag from `p` scrolls: the topmost under the finger, or the first parent of a child
// window that cannot scroll (as imgui picks for the wheel). Found from the last frame's windows, since
// the hovered window may be none (the pointer leaves after each touch) or stale.
ImGuiWindow* scroll_window_at(ImVec2 p) {
  ImGuiContext& g = *GImGui;
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    ImGuiWindow* w = g.Windows[i];
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs) || !w->OuterRectClipped.Contains(p)) continue;
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y == 0.0f) w = w->ParentWindow;
    return w;
  }
  return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  const EmscriptenTouchPoint* t = nullptr;
  for (int i = 0; i < e->numTouches; ++i)
    if (e->touches[i].isChanged) t = &e->touches[i];
  if (!t) return EM_FALSE;
  float x = static_cast<float>(t->targetX), y = static_cast<float>(t->targetY);
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART && !g_pointer.touching) {
    g_pointer.touching = true;
    // What was under the finger as it landed was moving: stopping the page must not press it.
    g_pointer.stopped_flick = g_momentum.flicking();
    g_momentum.press(e->timestamp, y);
    g_pointer.dragging = false;
    g_pointer.drag_window = nullptr;
    g_pointer.start_x = x;
    g_pointer.start_y = y;
    // Pressed only when the finger lifts without a drag: a scroll that starts on a field or a button
    // must not activate it (a field would take focus and open the keyboard) before the drag is known.
    pointer_to(x, y);
    g_pointer.leave_after_release = false;
  } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE && g_pointer.touching) {
    g_momentum.move(e->timestamp, y);
    if (!g_pointer.dragging && std::hypot(x - g_pointer.start_x, y - g_pointer.start_y) > kDragThreshold) {
      g_pointer.dragging = true;
      g_pointer.drag_window = scroll_window_at(ImVec2(g_pointer.start_x, g_pointer.start_y));
      g_pointer.scroll_dy += y - g_pointer.start_y;
    } else if (g_pointer.dragging) {
      g_pointer.scroll_dy += y - g_pointer.y;
    }
    if (!g_pointer.dragging) pointer_to(x, y);
    else g_pointer.y = y;
  } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
    g_pointer.touching = false;
    g_pointer.down = false;
    const bool ended = type == EMSCRIPTEN_EVENT_TOUCHEND;
    if (ended && g_pointer.dragging) g_momentum.lift(e->timestamp, y);
    // A tap: the next frame sees the press, the one after the release, at the same place.
    if (ended && !g_pointer.dragging && !g_pointer.stopped_flick) g_pointer.pressed_since_frame = true;
    g_pointer.leave_after_release = true;
  }
  request_frames();
  return EM_TRUE;  // no emulated mouse events: the touch is handled once
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  request_frames();
  return EM_FALSE;
}

EM_BOOL on_visibility(int, const EmscriptenVisibilityChangeEvent* e, void*) {
  if (!e->hidden) request_frames();
  return EM_FALSE;
}

// Moves the page under the finger: by what it dragged since the last frame, then by the flick's travel.
void scroll_with_finger() {
  ImGuiWindow* w = g_pointer.drag_window;
  if (!w) {
    g_momentum.stop();
    g_pointer.scroll_dy = 0;
    return;
  }
  float y = w->Scroll.y - g_pointer.scroll_dy;
  g_pointer.scroll_dy = 0;
  if (g_momentum.flicking()) {
    // Something else moved the page (a new screen starts at its top): that wins over the flick.
    if (w->ScrollTarget.y != FLT_MAX) g_momentum.stop();
    else y = g_momentum.step(g_frame_time, y, w->ScrollMax.y);
    if (g_momentum.flicking()) request_frames(1);
  }
  if (y != w->Scroll.y) ImGui::SetScrollY(w, y);
}

}  // namespace

void backend_init(const char* canvas_selector, BackendCallbacks callbacks) {
  g_canvas = canvas_selector;
  g_callbacks = std::move(callbacks);
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "madoguchi_html5";
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
  const char* c = g_canvas.c_str();
  emscripten_set_mousedown_callback(c, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
  emscripten_set_mousemove_callback(c, nullptr, EM_FALSE, on_mouse);
  emscripten_set_wheel_callback(c, nullptr, EM_FALSE, on_wheel);
  emscripten_set_touchstart_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchmove_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchend_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_touchcancel_callback(c, nullptr, EM_FALSE, on_touch);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  emscripten_set_visibilitychange_callback(nullptr, EM_FALSE, on_visibility);
}

void backend_new_frame() {
  ImGuiIO& io = ImGui::GetIO();
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(g_canvas.c_str(), &css_w, &css_h);
  float density = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (density <= 0) density = 1;
  int fb_w = static_cast<int>(std::lround(css_w * density)), fb_h = static_cast<int>(std::lround(css_h * density));
  int cur_w = 0, cur_h = 0;
  emscripten_get_canvas_element_size(g_canvas.c_str(), &cur_w, &cur_h);
  if (cur_w != fb_w || cur_h != fb_h) emscripten_set_canvas_element_size(g_canvas.c_str(), fb_w, fb_h);
  if (density != g_density) {
    g_density = density;
    if (g_callbacks.density_changed) g_callbacks.density_changed(density);
  }
  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale = ImVec2(density, density);

  if (g_pointer.dragging || g_momentum.flicking()) scroll_with_finger();
  if (g_pointer.dragging) {
    // The press must not become a tap: release it away from every item.
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
    if (!g_pointer.touching) g_pointer.dragging = false;  // finger lifted: the next touch starts afresh
  } else if (g_pointer.leave_after_release && !g_pointer.down && !g_pointer.pressed_since_frame && !io.MouseDown[0]) {
    pointer_to(-FLT_MAX, -FLT_MAX);  // for good: a later frame must not bring the hover back where the finger was
    io.MousePos = ImVec2(g_pointer.x, g_pointer.y);
    g_pointer.leave_after_release = false;
  } else {
    io.MousePos = ImVec2(g_pointer.x, g_pointer.y);
    io.MouseDown[0] = g_pointer.down || g_pointer.pressed_since_frame;
  }
  g_pointer.pressed_since_frame = false;
  if (g_pointer.leave_after_release) request_frames(2);  // one more frame sees the release, then the pointer leaves
  io.MouseWheel = g_wheel;
  g_wheel = 0;
}

void request_frames(int count) {
  if (count > g_frames_wanted) g_frames_wanted = count;
  schedule();
}

float pixel_density() { return g_density > 0 ? g_density : static_cast<float>(emscripten_get_device_pixel_ratio()); }

}  // namespace madoguchi::platform
