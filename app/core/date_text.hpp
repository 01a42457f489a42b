// Dates as a resident reads them: "2026年4月2日（木）", "Thu, 2 April 2026", and how many days are left.
#pragma once
#include <string>
#include <string_view>

#include "civil_date.hpp"
#include "messages.hpp"

namespace madoguchi {

std::string format_date(CivilDate date, const Messages& messages, std::string_view language);

// "あと10日", "今日まで", "3日過ぎています": the resident sees at once how urgent an item is.
std::string describe_days_left(long days_left, const Messages& messages, std::string_view language);

}  // namespace madoguchi
