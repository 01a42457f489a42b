// Civil dates to and from a day count, after Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html): eras of 400 years, years starting in March.
#include "civil_date.hpp"

#include <cstdio>

namespace madoguchi {

namespace {
constexpr long kDaysPerEra = 146097;  // 400 Gregorian years
constexpr long kEpochShift = 719468;  // days from 0000-03-01 to 1970-01-01

bool read_digits(std::string_view s, std::size_t from, std::size_t count, int& out) {
  out = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kLengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kLengths[month - 1];
}

long CivilDate::days_from_epoch() const {
  const long y = static_cast<long>(year) - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;  // [0, 399]
  const long day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365], from March
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * kDaysPerEra + day_of_era - kEpochShift;
}

CivilDate CivilDate::from_days(long days) {
  const long z = days + kEpochShift;
  const long era = (z >= 0 ? z : z - (kDaysPerEra - 1)) / kDaysPerEra;
  const long day_of_era = z - era * kDaysPerEra;  // [0, 146096]
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const long mp = (5 * day_of_year + 2) / 153;  // [0, 11], March = 0
  const int d = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0));
  return CivilDate{y, m, d};
}

CivilDate CivilDate::add_days(long n) const { return from_days(days_from_epoch() + n); }

int CivilDate::weekday() const {
  const long days = days_from_epoch();  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

bool CivilDate::is_valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<CivilDate> CivilDate::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate date;
  if (!read_digits(text, 0, 4, date.year) || !read_digits(text, 5, 2, date.month) ||
      !read_digits(text, 8, 2, date.day))
    return std::nullopt;
  if (!date.is_valid()) return std::nullopt;
  return date;
}

std::string CivilDate::iso() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

}  // namespace madoguchi
