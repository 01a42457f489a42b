// Chooses the message for each deadline rule and fills in the catalog's own words for the start day.
#include "procedure_text.hpp"

namespace madoguchi {

std::string describe_deadline(const Deadline& d, const Messages& m, std::string_view lang) {
  switch (d.rule) {
    case DeadlineRule::WithinDays:
      return m.format(lang, d.count_first_day ? "deadline.within_days_counting_first" : "deadline.within_days",
                      {{"days", std::to_string(d.days)}, {"from", d.from.in(lang)}});
    case DeadlineRule::BeforeEvent: return std::string(m.get(lang, "deadline.before_event"));
    case DeadlineRule::None: return std::string(m.get(lang, "deadline.none"));
  }
  return {};
}

std::string describe_fee(const Fee& fee, const Messages& m, std::string_view lang) {
  if (fee.yen == 0) return std::string(m.get(lang, "procedure.fee_free"));
  std::string digits = std::to_string(fee.yen), grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return m.format(lang, "procedure.fee_yen", {{"yen", grouped}});
}

std::string describe_channel(const OnlineAvailability& online, const Messages& m, std::string_view lang) {
  return std::string(m.get(lang, online.available ? "procedure.online" : "procedure.counter"));
}

}  // namespace madoguchi
