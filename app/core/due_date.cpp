// Counts deadline periods as 民法 and 戸籍法 do and moves them off the ward's closed days.
#include "due_date.hpp"

#include "ward_calendar.hpp"

namespace madoguchi {

namespace {
// 民法 第140条: a period in days does not count the first day, so it ends on event + days. 戸籍法 第43条
// counts the day of the birth (or of learning of a death) as day 1, so it ends a day earlier.
CivilDate last_day_of_period(const Deadline& deadline, CivilDate event_date) {
  return event_date.add_days(deadline.count_first_day ? deadline.days - 1 : deadline.days);
}

// 地方自治法 第4条の2 第4項 (and 民法 第142条): a period for a filing with the ward that ends on a day it is
// closed ends on the next open day.
DueDate within_days(const Deadline& deadline, CivilDate event_date) {
  const CivilDate legal = last_day_of_period(deadline, event_date);
  const CivilDate effective = next_open_day(legal);
  return {legal, effective, effective != legal};
}

// A filing due before the event (転出届 before moving out) must be made while the ward is open: the
// law gives no later day, so a closed eve moves the resident earlier, not later.
DueDate before_event(CivilDate event_date) {
  const CivilDate legal = event_date.add_days(-1);
  const CivilDate effective = previous_open_day(legal);
  return {legal, effective, effective != legal};
}
}  // namespace

std::optional<DueDate> due_date(const Deadline& deadline, CivilDate event_date) {
  if (!event_date.is_valid()) return std::nullopt;
  switch (deadline.rule) {
    case DeadlineRule::WithinDays:
      if (deadline.days < 1) return std::nullopt;
      return within_days(deadline, event_date);
    case DeadlineRule::BeforeEvent:
      return before_event(event_date);
    case DeadlineRule::None:
      return std::nullopt;
  }
  return std::nullopt;
}

long days_left(CivilDate today, CivilDate due) { return due.days_from_epoch() - today.days_from_epoch(); }

}  // namespace madoguchi
