// Fills the language's date pattern with the weekday and month names of its message file.
#include "date_text.hpp"

#include <cstdio>

#include "wareki.hpp"

namespace madoguchi {

std::string format_date(CivilDate d, const Messages& m, std::string_view lang, bool wareki) {
  std::vector<std::pair<std::string_view, std::string>> values{
      {"year", std::to_string(d.year)},
      {"month", std::to_string(d.month)},
      {"day", std::to_string(d.day)},
      {"month_name", std::string(m.get(lang, "month." + std::to_string(d.month)))},
      {"weekday", std::string(m.get(lang, "weekday." + std::to_string(d.weekday())))}};
  const Era* era = wareki ? era_of(d) : nullptr;
  if (!era) return m.format(lang, "date.format", values);
  const int era_year = d.year - era->first_year + 1;
  values.emplace_back("era", std::string(era->name));
  values.emplace_back("era_year", era_year == 1 ? std::string(m.get(lang, "date.era_first_year")) : std::to_string(era_year));
  return m.format(lang, "date.format_wareki", values);
}

std::string format_japan_time(std::string_view utc_iso, const Messages& m, std::string_view lang, bool wareki) {
  constexpr int kJapanOffsetHours = 9;
  const auto date = utc_iso.size() >= 17 ? CivilDate::parse_iso(utc_iso.substr(0, 10)) : std::nullopt;
  auto digits = [&](std::size_t at) {
    const char a = utc_iso[at], b = utc_iso[at + 1];
    return (a >= '0' && a <= '9' && b >= '0' && b <= '9') ? (a - '0') * 10 + (b - '0') : -1;
  };
  if (!date || utc_iso[10] != 'T' || utc_iso[13] != ':') return {};
  const int hour = digits(11), minute = digits(14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return {};
  const int local = hour + kJapanOffsetHours;
  const CivilDate day = date->add_days(local / 24);
  char time[8];
  std::snprintf(time, sizeof time, "%d:%02d", local % 24, minute);
  return m.format(lang, "date.time", {{"date", format_date(day, m, lang, wareki)}, {"time", time}});
}

std::string describe_days_left(long days_left, const Messages& m, std::string_view lang) {
  if (days_left == 0) return std::string(m.get(lang, "due.today"));
  if (days_left > 0) return m.format(lang, days_left == 1 ? "due.one_day_left" : "due.days_left", {{"days", std::to_string(days_left)}});
  return m.format(lang, days_left == -1 ? "due.one_day_over" : "due.days_over", {{"days", std::to_string(-days_left)}});
}

}  // namespace madoguchi
