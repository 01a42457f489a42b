// Deadlines as an RFC 5545 iCalendar file of all-day events, so a resident can add them to the
// calendar on their phone, with a reminder the morning before.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "civil_date.hpp"

namespace madoguchi {

struct CalendarEntry {
  std::string uid;  // stable per procedure and event, so a re-import updates rather than duplicates
  CivilDate date;
  std::string summary;
  std::string description;
};

// A VCALENDAR with one VEVENT per entry (entries with an invalid date are left out): CRLF line ends,
// TEXT escaped, lines folded at 75 octets between UTF-8 characters. `dtstamp_utc` is the moment of
// export as YYYYMMDDTHHMMSSZ.
std::string to_icalendar(const std::vector<CalendarEntry>& entries, std::string_view dtstamp_utc);

}  // namespace madoguchi
