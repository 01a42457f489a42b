// Fills the language's date pattern with the weekday and month names of its message file.
#include "date_text.hpp"

namespace madoguchi {

std::string format_date(CivilDate d, const Messages& m, std::string_view lang) {
  return m.format(lang, "date.format",
                  {{"year", std::to_string(d.year)},
                   {"month", std::to_string(d.month)},
                   {"day", std::to_string(d.day)},
                   {"month_name", std::string(m.get(lang, "month." + std::to_string(d.month)))},
                   {"weekday", std::string(m.get(lang, "weekday." + std::to_string(d.weekday())))}});
}

std::string describe_days_left(long days_left, const Messages& m, std::string_view lang) {
  if (days_left == 0) return std::string(m.get(lang, "due.today"));
  if (days_left > 0) return m.format(lang, days_left == 1 ? "due.one_day_left" : "due.days_left", {{"days", std::to_string(days_left)}});
  return m.format(lang, days_left == -1 ? "due.one_day_over" : "due.days_over", {{"days", std::to_string(-days_left)}});
}

}  // namespace madoguchi
