// The days the ward office is open: the closures of 地方自治法 第4条の2 第1項 (Saturdays, Sundays,
// national holidays, and the year-end closure 12/29-1/3 set by the ward's by-law).
#pragma once
#include "civil_date.hpp"

namespace madoguchi {

bool is_open(CivilDate date);

// The day itself when open, else the nearest open day after (or before) it.
CivilDate next_open_day(CivilDate date);
CivilDate previous_open_day(CivilDate date);

}  // namespace madoguchi
