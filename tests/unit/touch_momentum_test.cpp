// Touch momentum: the finger's speed at the lift, the flick's exponential slowing, and where it stops.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "ui/touch_momentum.hpp"

using namespace madoguchi::ui;

namespace {
// A finger sampled at 60 Hz from `y0` at `px_per_ms` for `ms`, starting at `t0`.
std::vector<TouchSample> drag(double t0, float y0, float px_per_ms, double ms) {
  std::vector<TouchSample> samples;
  for (int i = 0; i * 1000.0 / 60 <= ms; ++i) {
    const double t = i * 1000.0 / 60;
    samples.push_back({t0 + t, static_cast<float>(y0 + px_per_ms * t)});
  }
  return samples;
}

// Feeds a whole drag to `m` and lifts the finger where it last was, `hold_ms` later.
bool flick(TouchMomentum& m, const std::vector<TouchSample>& samples, double hold_ms = 0) {
  m.press(samples.front().ms, samples.front().y);
  for (std::size_t i = 1; i < samples.size(); ++i) m.move(samples[i].ms, samples[i].y);
  return m.lift(samples.back().ms + hold_ms, samples.back().y);
}
}  // namespace

TEST_CASE("the release velocity is the finger's travel over its last 100 ms", "[momentum]") {
  CHECK(release_velocity(drag(0, 600, -2.0f, 300)) == Approx(-2.0f));
  CHECK(release_velocity(drag(5000, 100, 1.5f, 50)) == Approx(1.5f));

  // Slow, then fast at the end: only the end counts, not the average of the whole drag.
  std::vector<TouchSample> speeding = drag(0, 800, -0.1f, 400);
  for (const TouchSample& s : drag(400, speeding.back().y, -3.0f, 100)) speeding.push_back(s);
  CHECK(release_velocity(speeding) == Approx(-3.0f).epsilon(0.05));

  // Fast, then slowing to a crawl for the last 100 ms: a placed finger, not a flick.
  std::vector<TouchSample> slowing = drag(0, 800, -3.0f, 300);
  for (const TouchSample& s : drag(317, slowing.back().y, -0.05f, 120)) slowing.push_back(s);
  CHECK(std::abs(release_velocity(slowing)) < kMinFlickSpeed);

  // Not the last two events alone: one jittery sample does not decide it.
  std::vector<TouchSample> jitter = drag(0, 500, -2.0f, 200);
  jitter.push_back({jitter.back().ms + 1, jitter.back().y - 20});
  CHECK(release_velocity(jitter) == Approx(-2.0f).epsilon(0.2));

  CHECK(release_velocity(std::vector<TouchSample>{}) == 0.0f);
  CHECK(release_velocity(std::vector<TouchSample>{{10, 300}}) == 0.0f);
}

TEST_CASE("a slow drag or a finger held still before lifting leaves no flick", "[momentum]") {
  TouchMomentum m;
  CHECK_FALSE(flick(m, drag(0, 400, -0.05f, 600)));
  CHECK_FALSE(m.flicking());
  CHECK_FALSE(flick(m, drag(0, 400, -3.0f, 200), 150));  // fast, then held for 150 ms
  CHECK_FALSE(m.flicking());
  CHECK_FALSE(flick(m, {{0, 400}}));  // a tap
  CHECK(flick(m, drag(0, 400, -0.2f, 300)));
  CHECK(m.flicking());
}

TEST_CASE("a flick leaves at the finger's speed and slows as e^(-t/325 ms)", "[momentum]") {
  CHECK(flick_travel(2.0f, 0) == 0.0f);
  CHECK(flick_travel(2.0f, kFlickTimeConstantMs) == Approx(2.0 * 325 * (1 - std::exp(-1.0))));
  CHECK(flick_travel(-2.0f, 1e9) == Approx(-650.0f));  // all it ever goes: velocity x time constant
  CHECK(flick_velocity(2.0f, 0) == 2.0f);
  CHECK(flick_velocity(2.0f, kFlickTimeConstantMs) == Approx(2.0 / std::exp(1.0)));
  // Continuous at the lift: the first millisecond goes as far as the finger did in one.
  CHECK(flick_travel(-3.0f, 1) == Approx(-3.0f).epsilon(0.01));
}

TEST_CASE("a flick scrolls on after the lift, frame by frame, until it is nearly still", "[momentum]") {
  TouchMomentum m;
  REQUIRE(flick(m, drag(1000, 700, -2.0f, 200)));  // the finger goes up: the page scrolls down
  const double lift = 1200;
  float y = 100, last_gain = 1e9f;
  double t = lift;
  while (m.flicking() && t < lift + 10000) {
    t += 1000.0 / 60;
    const float next = m.step(t, y, 5000);
    CHECK(next >= y);
    CHECK(next - y <= last_gain + 1e-3f);  // it only ever slows
    last_gain = next - y;
    y = next;
  }
  CHECK_FALSE(m.flicking());
  // Under kStopSpeed after 325 ms x ln(2 / 0.01) = 1.72 s, having gone 650 px less the last 3.25 px.
  CHECK(t - lift == Approx(325 * std::log(2.0 / kStopSpeed)).margin(17));
  CHECK(y - 100 == Approx(650 - 3.25).margin(1));
  CHECK(m.step(t + 500, y, 5000) == y);  // a stopped flick moves nothing
}

TEST_CASE("a flick goes as far when the page keeps only whole pixels", "[momentum]") {
  for (const float velocity : {-2.0f, 2.0f}) {
    TouchMomentum exact, whole;
    REQUIRE(flick(exact, drag(0, 500, velocity, 100)));
    REQUIRE(flick(whole, drag(0, 500, velocity, 100)));
    float y_exact = 2000, y_whole = 2000;
    for (double t = 100; exact.flicking(); t += kFrameMs) {
      y_exact = exact.step(t, y_exact, 5000);
      y_whole = std::floor(whole.step(t, y_whole, 5000));
    }
    CHECK(std::abs(y_exact - 2000) == Approx(650 - 3.25).margin(1));
    CHECK(y_whole == Approx(y_exact).margin(1));
  }
  // Moved by something else than the flick (more than a pixel): it goes on from there.
  TouchMomentum m;
  REQUIRE(flick(m, drag(0, 500, -2.0f, 100)));
  CHECK(m.step(116, 1000, 5000) > 1000);
  CHECK(m.step(133, 10, 5000) == Approx(10 + flick_travel(-2.0f, 16) - flick_travel(-2.0f, 33)));
}

TEST_CASE("a flick stops at the top and at the bottom of the page", "[momentum]") {
  TouchMomentum m;
  REQUIRE(flick(m, drag(0, 100, 3.0f, 100)));  // the finger goes down: back towards the top
  const float y = m.step(116, 200, 2000);
  CHECK(y < 200);
  CHECK(m.flicking());
  CHECK(m.step(300, y, 2000) == 0.0f);
  CHECK_FALSE(m.flicking());

  REQUIRE(flick(m, drag(0, 700, -3.0f, 100)));
  CHECK(m.step(116, 1990, 2000) == 2000.0f);
  CHECK_FALSE(m.flicking());

  // At the top, a flick down the page is not stopped by the top it leaves.
  REQUIRE(flick(m, drag(0, 700, -3.0f, 100)));
  CHECK(m.step(100, 0, 2000) == 0.0f);  // a frame timed at the lift itself
  CHECK(m.flicking());
  CHECK(m.step(150, 0, 2000) > 0.0f);

  // A page that does not scroll.
  REQUIRE(flick(m, drag(0, 700, -3.0f, 100)));
  CHECK(m.step(116, 0, 0) == 0.0f);
  CHECK_FALSE(m.flicking());
}

TEST_CASE("a finger landing during a flick stops it where it is", "[momentum]") {
  TouchMomentum m;
  REQUIRE(flick(m, drag(0, 700, -4.0f, 100)));
  const float y = m.step(200, 500, 5000);
  CHECK(y > 500);
  m.press(210, 400);
  CHECK_FALSE(m.flicking());
  CHECK(m.step(400, y, 5000) == y);
}

TEST_CASE("frames timed before the lift do not move the page; the speed has a ceiling", "[momentum]") {
  TouchMomentum m;
  REQUIRE(flick(m, drag(0, 700, -2.0f, 100)));
  CHECK(m.step(90, 300, 5000) == 300.0f);
  CHECK(m.flicking());

  // A page too busy to draw for 400 ms after the lift: the flick goes on from one frame's travel.
  REQUIRE(flick(m, drag(0, 700, -2.0f, 100)));
  const float first = m.step(500, 300, 5000);
  CHECK(first - 300 == Approx(-flick_travel(-2.0f, kFrameMs)));
  CHECK(m.step(500 + kFrameMs, first, 5000) - first == Approx(-(flick_travel(-2.0f, 2 * kFrameMs) - flick_travel(-2.0f, kFrameMs))));

  // 600 px in 20 ms (a synthetic swipe) flicks at Android's fastest fling, no faster.
  REQUIRE(flick(m, {{0, 800}, {10, 500}, {20, 200}}));
  CHECK(m.step(21, 0, 1e6f) == Approx(kMaxFlickSpeed).epsilon(0.01));
}
