// Builds a year's holidays in three steps, as 祝日法 reads: the 国民の祝日 of 第2条 (and of the
// special laws), then 振替休日 (第3条第2項), then 国民の休日 (第3条第3項).
#include "japanese_holidays.hpp"

#include <algorithm>

namespace madoguchi {

namespace {
using HolidayList = std::vector<std::pair<CivilDate, std::string_view>>;

constexpr std::string_view kSubstitute = "振替休日";
constexpr std::string_view kSandwiched = "国民の休日";

// The 2005 amendment (平成17年法律第43号) took effect on 2007-01-01: 昭和の日 on 4/29, みどりの日
// moved to 5/4, and 振替休日 to the first non-holiday after a Sunday holiday.
constexpr int kAmendment2007 = 2007;

CivilDate nth_monday(int year, int month, int n) {
  const CivilDate first{year, month, 1};
  const int to_monday = (8 - first.weekday()) % 7;
  return first.add_days(to_monday + 7 * (n - 1));
}

int equinox_day(int year, long base_millionths) {
  if (year < 1980 || year > 2099) return 0;
  // floor(base + 0.242194 (y - 1980) - floor((y - 1980) / 4)) in integers, so no rounding can move a day.
  const long since = year - 1980;
  return static_cast<int>((base_millionths + 242194 * since) / 1000000 - since / 4);
}

// 海の日: 7/20 until 2002, the third Monday of July from 2003 (the 2001 amendment); moved to the eve
// of the Tokyo Olympics' opening in 2020 and 2021 by the Olympic special measures law (平成27年法律第33号
// 第32条, as amended in 2018 and by 令和2年法律第68号).
CivilDate marine_day(int year) {
  if (year == 2020) return {2020, 7, 23};
  if (year == 2021) return {2021, 7, 22};
  return year >= 2003 ? nth_monday(year, 7, 3) : CivilDate{year, 7, 20};
}

// 敬老の日: 9/15 until 2002, the third Monday of September from 2003 (the 2001 amendment).
CivilDate respect_for_aged_day(int year) {
  return year >= 2003 ? nth_monday(year, 9, 3) : CivilDate{year, 9, 15};
}

// 体育の日, the second Monday of October from 2000, renamed スポーツの日 from 2020 and moved to the
// Olympic opening days in 2020 and 2021.
void add_sports_day(int year, HolidayList& out) {
  if (year == 2020) out.push_back({{2020, 7, 24}, "スポーツの日"});
  else if (year == 2021) out.push_back({{2021, 7, 23}, "スポーツの日"});
  else out.push_back({nth_monday(year, 10, 2), year >= 2020 ? "スポーツの日" : "体育の日"});
}

// 山の日 from 2016 (the 2014 amendment), moved next to the Olympics' closing in 2020 and 2021.
void add_mountain_day(int year, HolidayList& out) {
  if (year < 2016) return;
  if (year == 2020) out.push_back({{2020, 8, 10}, "山の日"});
  else if (year == 2021) out.push_back({{2021, 8, 8}, "山の日"});
  else out.push_back({{year, 8, 11}, "山の日"});
}

// 天皇誕生日 follows the reigning emperor: 12/23 until 2018, 2/23 from 2020, none in 2019 (the change,
// by 天皇の退位等に関する皇室典範特例法 (平成29年法律第63号) 附則, took effect on 5/1, between the two).
void add_emperors_birthday(int year, HolidayList& out) {
  if (year <= 2018) out.push_back({{year, 12, 23}, "天皇誕生日"});
  else if (year >= 2020) out.push_back({{year, 2, 23}, "天皇誕生日"});
}

// 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (平成30年法律第99号): both days count
// as 国民の祝日, so 4/30 and 5/2 became 国民の休日.
void add_enthronement_days(int year, HolidayList& out) {
  if (year != 2019) return;
  out.push_back({{2019, 5, 1}, "天皇の即位の日"});
  out.push_back({{2019, 10, 22}, "即位礼正殿の儀の行われる日"});
}

// 第2条 and the special laws: the days that are 国民の祝日 themselves.
HolidayList statutory_holidays(int year) {
  HolidayList out;
  out.push_back({{year, 1, 1}, "元日"});
  out.push_back({nth_monday(year, 1, 2), "成人の日"});
  out.push_back({{year, 2, 11}, "建国記念の日"});  // 建国記念の日となる日を定める政令
  out.push_back({{year, 3, vernal_equinox_day(year)}, "春分の日"});
  out.push_back({{year, 4, 29}, year >= kAmendment2007 ? "昭和の日" : "みどりの日"});
  out.push_back({{year, 5, 3}, "憲法記念日"});
  if (year >= kAmendment2007) out.push_back({{year, 5, 4}, "みどりの日"});
  out.push_back({{year, 5, 5}, "こどもの日"});
  out.push_back({marine_day(year), "海の日"});
  out.push_back({respect_for_aged_day(year), "敬老の日"});
  out.push_back({{year, 9, autumnal_equinox_day(year)}, "秋分の日"});
  out.push_back({{year, 11, 3}, "文化の日"});
  out.push_back({{year, 11, 23}, "勤労感謝の日"});
  add_sports_day(year, out);
  add_mountain_day(year, out);
  add_emperors_birthday(year, out);
  add_enthronement_days(year, out);
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const HolidayList& list, CivilDate date) {
  return std::any_of(list.begin(), list.end(), [&](const auto& h) { return h.first == date; });
}

// 第3条第2項: a 国民の祝日 on a Sunday makes the nearest following day that is not a 国民の祝日 a
// holiday (before 2007: the next day, which was then never a 国民の祝日 itself).
HolidayList substitute_holidays(int year, const HolidayList& statutory) {
  HolidayList out;
  for (const auto& [date, name] : statutory) {
    if (date.weekday() != 0) continue;
    CivilDate next = date.add_days(1);
    if (year >= kAmendment2007)
      while (contains(statutory, next)) next = next.add_days(1);
    if (!contains(statutory, next)) out.push_back({next, kSubstitute});
  }
  return out;
}

// 第3条第3項: a day between two 国民の祝日 that is not one itself is a holiday (before 2007 the law
// excluded Sundays and 振替休日; after, a 振替休日 already closes the day anyway).
HolidayList sandwiched_holidays(int year, const HolidayList& statutory, const HolidayList& substitutes) {
  HolidayList out;
  for (const auto& [date, name] : statutory) {
    const CivilDate between = date.add_days(1);
    if (!contains(statutory, between.add_days(1)) || contains(statutory, between)) continue;
    if (contains(substitutes, between)) continue;
    if (year < kAmendment2007 && between.weekday() == 0) continue;
    out.push_back({between, kSandwiched});
  }
  return out;
}
}  // namespace

int vernal_equinox_day(int year) { return equinox_day(year, 20843100); }
int autumnal_equinox_day(int year) { return equinox_day(year, 23248800); }

std::vector<std::pair<CivilDate, std::string_view>> holidays_in(int year) {
  if (year < kFirstHolidayYear || year > kLastHolidayYear) return {};
  HolidayList all = statutory_holidays(year);
  const HolidayList substitutes = substitute_holidays(year, all);
  const HolidayList sandwiched = sandwiched_holidays(year, all, substitutes);
  all.insert(all.end(), substitutes.begin(), substitutes.end());
  all.insert(all.end(), sandwiched.begin(), sandwiched.end());
  std::sort(all.begin(), all.end());
  return all;
}

std::optional<std::string_view> national_holiday(CivilDate date) {
  if (!date.is_valid() || date.year < kFirstHolidayYear || date.year > kLastHolidayYear) return std::nullopt;
  // Due dates test many days in a row: every holiday of the supported years, computed once and
  // never changed (about 1,700 entries), turns each test into a binary search.
  static const std::vector<std::pair<long, std::string_view>> table = [] {
    std::vector<std::pair<long, std::string_view>> all;
    for (int year = kFirstHolidayYear; year <= kLastHolidayYear; ++year)
      for (const auto& [day, name] : holidays_in(year)) all.emplace_back(day.days_from_epoch(), name);
    return all;
  }();
  const long day = date.days_from_epoch();
  auto it = std::lower_bound(table.begin(), table.end(), day, [](const auto& entry, long d) { return entry.first < d; });
  if (it == table.end() || it->first != day) return std::nullopt;
  return it->second;
}

}  // namespace madoguchi
