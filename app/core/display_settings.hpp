// How the resident wants the app shown, kept with the session on this device: the text size, a high
// contrast theme, and dates in the Japanese era (令和8年) as many forms and letters write them.
#pragma once
#include <array>

namespace madoguchi {

struct DisplaySettings {
  int text_percent = 100;  // one of kTextPercents
  bool high_contrast = false;
  bool wareki = false;
  bool operator==(const DisplaySettings&) const = default;
};

// WCAG 1.4.4 asks for text resizable to 200 % without loss of content.
inline constexpr std::array<int, 5> kTextPercents{100, 125, 150, 175, 200};

// The allowed size nearest `percent`: a record from elsewhere never asks for 900 %.
int nearest_text_percent(int percent);

}  // namespace madoguchi
