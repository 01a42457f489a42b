// A drag's release velocity from its last samples, and the exponentially slowing flick after it.
#include "touch_momentum.hpp"

#include <algorithm>
#include <cmath>

namespace madoguchi::ui {

float release_velocity(std::span<const TouchSample> samples) {
  if (samples.empty()) return 0;
  const TouchSample& last = samples.back();
  const auto first = std::find_if(samples.begin(), samples.end(),
                                  [&](const TouchSample& s) { return s.ms >= last.ms - kVelocityWindowMs; });
  const double span = last.ms - first->ms;
  return span > 0 ? static_cast<float>((last.y - first->y) / span) : 0.0f;
}

float flick_travel(float velocity, double elapsed_ms) {
  return static_cast<float>(velocity * kFlickTimeConstantMs * (1 - std::exp(-elapsed_ms / kFlickTimeConstantMs)));
}

float flick_velocity(float velocity, double elapsed_ms) {
  return static_cast<float>(velocity * std::exp(-elapsed_ms / kFlickTimeConstantMs));
}

void TouchMomentum::press(double ms, float y) {
  flicking_ = false;
  samples_.assign(1, {ms, y});
}

void TouchMomentum::move(double ms, float y) {
  samples_.push_back({ms, y});
  std::erase_if(samples_, [&](const TouchSample& s) { return s.ms < ms - kVelocityWindowMs; });
}

bool TouchMomentum::lift(double ms, float y) {
  move(ms, y);
  const float v = release_velocity(samples_);
  samples_.clear();
  if (std::abs(v) < kMinFlickSpeed) return flicking_ = false;
  velocity_ = std::clamp(v, -kMaxFlickSpeed, kMaxFlickSpeed);
  start_ms_ = ms;
  stepped_ = false;
  travelled_ = 0;
  return flicking_ = true;
}

float TouchMomentum::step(double ms, float scroll_y, float scroll_max) {
  if (!flicking_) return scroll_y;
  // Not from where the flick would be by now: the page would jump ahead by what no frame showed.
  if (!stepped_) start_ms_ = std::max(start_ms_, ms - kFrameMs);
  const bool ours = stepped_ && std::abs(scroll_y - position_) < 1;
  stepped_ = true;
  // A frame may carry a time from just before the lift's event: the flick has not begun then.
  const double elapsed = std::max(0.0, ms - start_ms_);
  const float travelled = flick_travel(velocity_, elapsed);
  float y = (ours ? position_ : scroll_y) - (travelled - travelled_);
  travelled_ = travelled;
  if (velocity_ > 0 && y <= 0) {
    y = 0;
    flicking_ = false;
  } else if (velocity_ < 0 && y >= scroll_max) {
    y = std::max(scroll_max, 0.0f);
    flicking_ = false;
  }
  position_ = y;
  if (std::abs(flick_velocity(velocity_, elapsed)) < kStopSpeed) flicking_ = false;
  return y;
}

}  // namespace madoguchi::ui
