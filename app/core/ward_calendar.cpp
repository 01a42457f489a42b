// Open days by rule, no table of its own: weekends, the national holidays and the year-end closure.
#include "ward_calendar.hpp"

#include "japanese_holidays.hpp"

namespace madoguchi {

namespace {
// 地方自治法 第4条の2 第2項第3号 lets a municipality close on "年末又は年始における日で条例で定めるもの";
// Tokyo's special wards close 12/29 to 1/3, as the national government does (行政機関の休日に関する法律).
bool in_year_end_closure(CivilDate date) {
  return (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3);
}

bool is_weekend(CivilDate date) {
  const int weekday = date.weekday();
  return weekday == 0 || weekday == 6;
}

// No run of closed days is longer than the 2019 Golden Week (10 days); the bound only guards against
// an invalid date looping for ever.
constexpr int kLongestSearch = 31;

CivilDate step_to_open(CivilDate date, int step) {
  if (!date.is_valid()) return date;
  for (int i = 0; i < kLongestSearch && !is_open(date); ++i) date = date.add_days(step);
  return date;
}
}  // namespace

bool is_open(CivilDate date) {
  return date.is_valid() && !is_weekend(date) && !in_year_end_closure(date) && !national_holiday(date);
}

CivilDate next_open_day(CivilDate date) { return step_to_open(date, 1); }
CivilDate previous_open_day(CivilDate date) { return step_to_open(date, -1); }

}  // namespace madoguchi
