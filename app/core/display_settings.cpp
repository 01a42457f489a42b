// The text sizes offered are a short list, so each was looked at on a 360 px phone.
#include "display_settings.hpp"

#include <cstdlib>

namespace madoguchi {

int nearest_text_percent(int percent) {
  int best = kTextPercents.front();
  for (int p : kTextPercents)
    if (std::abs(p - percent) < std::abs(best - percent)) best = p;
  return best;
}

}  // namespace madoguchi
