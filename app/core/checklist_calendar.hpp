// A checklist as calendar entries, one all-day event per due date, so a resident adds the
// deadlines to the phone's calendar (exported with to_icalendar).
#pragma once
#include <string_view>
#include <vector>

#include "checklist.hpp"
#include "icalendar.hpp"
#include "messages.hpp"

namespace madoguchi {

std::vector<CalendarEntry> checklist_calendar(const std::vector<ChecklistItem>& items, const LifeEvent& event,
                                              CivilDate event_date, const Messages& messages, std::string_view language);

// The whole .ics file for a life event as the resident answered it (empty answers: no event date, no file).
std::string checklist_icalendar(const Catalog& catalog, const LifeEvent& event, const EventAnswers& answers,
                                const Messages& messages, std::string_view language, std::string_view dtstamp_utc);

}  // namespace madoguchi
