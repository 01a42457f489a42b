// The resident's calendar date and the current UTC time, from the browser's clock.
#pragma once
#include <string>

#include "core/civil_date.hpp"

namespace madoguchi::platform {

CivilDate local_today();
std::string utc_timestamp();  // YYYYMMDDTHHMMSSZ, for iCalendar's DTSTAMP
std::string utc_iso_time();   // YYYY-MM-DDTHH:MM:SSZ, for an envelope's created time

}  // namespace madoguchi::platform
