// Japan's national holidays under 国民の祝日に関する法律 (祝日法) and the laws that moved or added
// days in 2019-2021, for 2000-2099: the days a ward office is closed besides weekends and year end.
#pragma once
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "civil_date.hpp"

namespace madoguchi {

inline constexpr int kFirstHolidayYear = 2000;
inline constexpr int kLastHolidayYear = 2099;  // the equinox formula holds to 2099

// The holiday's Japanese name ("元日", "振替休日", "国民の休日", ...) or nullopt for an ordinary day,
// an invalid date, or a year outside 2000-2099.
std::optional<std::string_view> national_holiday(CivilDate date);

// Every holiday of `year` in date order; empty outside 2000-2099.
std::vector<std::pair<CivilDate, std::string_view>> holidays_in(int year);

// 春分日 and 秋分日 (day of March / September) by the standard approximation to the 暦要項 that the
// National Astronomical Observatory publishes each February for the next year; 0 outside 1980-2099.
int vernal_equinox_day(int year);
int autumnal_equinox_day(int year);

}  // namespace madoguchi
