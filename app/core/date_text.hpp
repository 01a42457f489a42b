// Dates as a resident reads them: "2026年4月2日（木）", "Thu, 2 April 2026", and how many days are left.
#pragma once
#include <string>
#include <string_view>

#include "civil_date.hpp"
#include "messages.hpp"

namespace madoguchi {

// With `wareki`, the year in the Japanese era as forms and letters write it ("令和8年3月20日（金）",
// "Fri, 20 March 令和 8 (2026)"); a date before 明治6年 keeps the western year.
std::string format_date(CivilDate date, const Messages& messages, std::string_view language, bool wareki = false);

// "あと10日", "今日まで", "3日過ぎています": the resident sees at once how urgent an item is.
// A moment the app noted in UTC ("2026-12-06T12:30:00Z", a draft's last change) as a resident in Japan
// reads it: the date as format_date writes it, then the time, "12月6日（日） 21:30". Japan time (UTC+9,
// no summer time) is the ward's and the resident's; "" for a text that is not such a moment.
std::string format_japan_time(std::string_view utc_iso, const Messages& messages, std::string_view language,
                              bool wareki = false);

std::string describe_days_left(long days_left, const Messages& messages, std::string_view language);

}  // namespace madoguchi
