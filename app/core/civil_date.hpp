// A day of the proleptic Gregorian calendar with no time zone: the unit of every deadline.
// Plain arithmetic over days since 1970-01-01 (Howard Hinnant's civil-date algorithms).
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

struct CivilDate {
  int year = 1970, month = 1, day = 1;

  auto operator<=>(const CivilDate&) const = default;
  bool operator==(const CivilDate&) const = default;

  // Days since 1970-01-01 (negative before it). Meaningful for valid dates only.
  long days_from_epoch() const;
  static CivilDate from_days(long days);

  CivilDate add_days(long n) const;
  int weekday() const;  // 0 = Sunday ... 6 = Saturday
  bool is_valid() const;  // years 1-9999, the month's real length

  // Strict "YYYY-MM-DD" as a date field answer arrives: no time, no spaces, a real date; else nullopt.
  static std::optional<CivilDate> parse_iso(std::string_view text);
  std::string iso() const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1-12

}  // namespace madoguchi
