// Kinetic scrolling of a touch drag: the finger's speed as it lifts, then a flick that slows down
// exponentially until it stops, as a phone's own scrolling does. Plain arithmetic, no imgui, no browser.
#pragma once
#include <span>
#include <vector>

namespace madoguchi::ui {

// Where the finger was (CSS px down the screen) and when (ms, the clock of the events and frames).
struct TouchSample {
  double ms;
  float y;
};

// The velocity follows Ariya Hidayat's "JavaScript Kinetic Scrolling: Part 2"
// (https://ariya.io/2013/11/javascript-kinetic-scrolling-part-2): the finger's travel over about the
// last 100 ms, then a position that closes on its target as e^(-t/325 ms), a speed that falls by 5 %
// per 60 Hz frame. Unlike that write-up's amplitude (0.8 x velocity in px/s), the
// flick here leaves at exactly the finger's speed, so the page does not jump ahead at the lift.
inline constexpr double kVelocityWindowMs = 100;
inline constexpr double kFlickTimeConstantMs = 325;
inline constexpr float kMinFlickSpeed = 0.1f;  // px/ms at the lift: anything slower was placed, not flicked
inline constexpr float kMaxFlickSpeed = 8.0f;  // px/ms: Android's fastest fling (8000 dp/s)
inline constexpr float kStopSpeed = 0.01f;     // px/ms: a sixth of a CSS px per 60 Hz frame, nearly still
inline constexpr double kFrameMs = 1000.0 / 60;

// The finger's velocity (px/ms, positive downward) at the last sample, the lift: its travel over the
// samples of the kVelocityWindowMs before it. A finger held still through the window gives 0.
float release_velocity(std::span<const TouchSample> samples);

// How far a flick that left at `velocity` has gone after `elapsed_ms`, and how fast it goes then.
float flick_travel(float velocity, double elapsed_ms);
float flick_velocity(float velocity, double elapsed_ms);

// One finger's drag and the flick it leaves behind. The scroll position grows as the content moves up,
// so a finger moving up (negative velocity) scrolls down the page.
class TouchMomentum {
 public:
  void press(double ms, float y);  // a finger lands: any flick stops where it is
  void move(double ms, float y);
  // The finger lifts; a flick starts when it left at kMinFlickSpeed or faster. Returns whether it did.
  bool lift(double ms, float y);
  void stop() { flicking_ = false; }
  bool flicking() const { return flicking_; }

  // The scroll position at `ms`, moved on from `scroll_y` by the flick's travel since the last step. The
  // flick ends at either end of [0, scroll_max] (the position stays there) and once under kStopSpeed.
  // A first step long after the lift (a page too busy to draw) starts the flick one frame before it.
  // A `scroll_y` within a pixel of the last step's answer is that answer with its fraction dropped
  // (imgui scrolls by whole pixels): the flick goes on from the fraction, so slow frames still add up.
  float step(double ms, float scroll_y, float scroll_max);

 private:
  std::vector<TouchSample> samples_;  // the drag's last kVelocityWindowMs
  bool flicking_ = false;
  double start_ms_ = 0;
  bool stepped_ = false;
  float velocity_ = 0;
  float travelled_ = 0;  // by the last step
  float position_ = 0;   // what the last step answered
};

}  // namespace madoguchi::ui
