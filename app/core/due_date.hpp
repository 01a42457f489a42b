// When a procedure is due, from the catalog's deadline rule and the day of the life event: the day the
// law names, and the day the resident can actually go, when the ward is closed on the former.
#pragma once
#include <optional>

#include "catalog.hpp"
#include "civil_date.hpp"

namespace madoguchi {

struct DueDate {
  CivilDate legal;      // the last day as the law counts it
  CivilDate effective;  // the last open day the resident can use
  bool moved = false;   // effective != legal
};

// WithinDays: the last day of the period, moved forward to the next open day. BeforeEvent: the last
// open day before the event. nullopt for None (no deadline), an invalid date, or a period under a day.
std::optional<DueDate> due_date(const Deadline& deadline, CivilDate event_date);

// Days from `today` to `due`: 0 on the day itself, negative once it has passed.
long days_left(CivilDate today, CivilDate due);

}  // namespace madoguchi
