// The ward is closed on national holidays, so one wrong holiday moves a resident's deadline to the
// wrong day. Each year's whole list is checked against the published one.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/japanese_holidays.hpp"

using namespace madoguchi;

namespace {
// "YYYY-MM-DD name" per holiday, so a failure prints the whole list against the expected one.
std::vector<std::string> listed(int year) {
  std::vector<std::string> out;
  for (const auto& [date, name] : holidays_in(year)) out.push_back(date.iso() + " " + std::string(name));
  return out;
}
}  // namespace

// 2025-2027: the lists 内閣府 announced (2025 on 2024-02-01, 2026 on 2025-02-03, 2027 on 2026-02-02) after
// the 暦要項 fixed the equinoxes; 内閣府 names 振替休日 and 国民の休日 both "休日".
TEST_CASE("2025 holidays match 内閣府's list", "[dates]") {
  CHECK(listed(2025) == std::vector<std::string>{
                            "2025-01-01 元日",         "2025-01-13 成人の日",   "2025-02-11 建国記念の日",
                            "2025-02-23 天皇誕生日",   "2025-02-24 振替休日",   "2025-03-20 春分の日",
                            "2025-04-29 昭和の日",     "2025-05-03 憲法記念日", "2025-05-04 みどりの日",
                            "2025-05-05 こどもの日",   "2025-05-06 振替休日",   "2025-07-21 海の日",
                            "2025-08-11 山の日",       "2025-09-15 敬老の日",   "2025-09-23 秋分の日",
                            "2025-10-13 スポーツの日", "2025-11-03 文化の日",   "2025-11-23 勤労感謝の日",
                            "2025-11-24 振替休日",
                        });
}

TEST_CASE("2026 holidays match 内閣府's list, with the 国民の休日 on 9/22", "[dates]") {
  CHECK(listed(2026) == std::vector<std::string>{
                            "2026-01-01 元日",         "2026-01-12 成人の日",   "2026-02-11 建国記念の日",
                            "2026-02-23 天皇誕生日",   "2026-03-20 春分の日",   "2026-04-29 昭和の日",
                            "2026-05-03 憲法記念日",   "2026-05-04 みどりの日", "2026-05-05 こどもの日",
                            "2026-05-06 振替休日",     "2026-07-20 海の日",     "2026-08-11 山の日",
                            "2026-09-21 敬老の日",     "2026-09-22 国民の休日", "2026-09-23 秋分の日",
                            "2026-10-12 スポーツの日", "2026-11-03 文化の日",   "2026-11-23 勤労感謝の日",
                        });
}

TEST_CASE("2027 holidays match 内閣府's list", "[dates]") {
  CHECK(listed(2027) == std::vector<std::string>{
                            "2027-01-01 元日",       "2027-01-11 成人の日",     "2027-02-11 建国記念の日",
                            "2027-02-23 天皇誕生日", "2027-03-21 春分の日",     "2027-03-22 振替休日",
                            "2027-04-29 昭和の日",   "2027-05-03 憲法記念日",   "2027-05-04 みどりの日",
                            "2027-05-05 こどもの日", "2027-07-19 海の日",       "2027-08-11 山の日",
                            "2027-09-20 敬老の日",   "2027-09-23 秋分の日",     "2027-10-11 スポーツの日",
                            "2027-11-03 文化の日",   "2027-11-23 勤労感謝の日",
                        });
}

// 2028-2030 are not published yet (内閣府 publishes a year in February of the year before): these lists
// follow 祝日法 as in force and the equinox formula, worked out by hand from the calendar.
TEST_CASE("2028 holidays by the law and the equinox formula: none falls on a Sunday", "[dates]") {
  CHECK(listed(2028) == std::vector<std::string>{
                            "2028-01-01 元日",       "2028-01-10 成人の日",   "2028-02-11 建国記念の日",
                            "2028-02-23 天皇誕生日", "2028-03-20 春分の日",   "2028-04-29 昭和の日",
                            "2028-05-03 憲法記念日", "2028-05-04 みどりの日", "2028-05-05 こどもの日",
                            "2028-07-17 海の日",     "2028-08-11 山の日",     "2028-09-18 敬老の日",
                            "2028-09-22 秋分の日",   "2028-10-09 スポーツの日", "2028-11-03 文化の日",
                            "2028-11-23 勤労感謝の日",
                        });
}

TEST_CASE("2029 holidays by the law and the equinox formula", "[dates]") {
  CHECK(listed(2029) == std::vector<std::string>{
                            "2029-01-01 元日",       "2029-01-08 成人の日",     "2029-02-11 建国記念の日",
                            "2029-02-12 振替休日",   "2029-02-23 天皇誕生日",   "2029-03-20 春分の日",
                            "2029-04-29 昭和の日",   "2029-04-30 振替休日",     "2029-05-03 憲法記念日",
                            "2029-05-04 みどりの日", "2029-05-05 こどもの日",   "2029-07-16 海の日",
                            "2029-08-11 山の日",     "2029-09-17 敬老の日",     "2029-09-23 秋分の日",
                            "2029-09-24 振替休日",   "2029-10-08 スポーツの日", "2029-11-03 文化の日",
                            "2029-11-23 勤労感謝の日",
                        });
}

TEST_CASE("2030 holidays by the law and the equinox formula", "[dates]") {
  CHECK(listed(2030) == std::vector<std::string>{
                            "2030-01-01 元日",       "2030-01-14 成人の日",     "2030-02-11 建国記念の日",
                            "2030-02-23 天皇誕生日", "2030-03-20 春分の日",     "2030-04-29 昭和の日",
                            "2030-05-03 憲法記念日", "2030-05-04 みどりの日",   "2030-05-05 こどもの日",
                            "2030-05-06 振替休日",   "2030-07-15 海の日",       "2030-08-11 山の日",
                            "2030-08-12 振替休日",   "2030-09-16 敬老の日",     "2030-09-23 秋分の日",
                            "2030-10-14 スポーツの日", "2030-11-03 文化の日",   "2030-11-04 振替休日",
                            "2030-11-23 勤労感謝の日",
                        });
}

TEST_CASE("equinox days 2025-2030 by the formula", "[dates]") {
  const std::vector<std::vector<int>> expected = {
      {2025, 20, 23}, {2026, 20, 23}, {2027, 21, 23}, {2028, 20, 22}, {2029, 20, 23}, {2030, 20, 23}};
  for (const auto& row : expected) {
    INFO(row[0]);
    CHECK(vernal_equinox_day(row[0]) == row[1]);
    CHECK(autumnal_equinox_day(row[0]) == row[2]);
  }
  CHECK(vernal_equinox_day(1979) == 0);
  CHECK(autumnal_equinox_day(2100) == 0);
}

TEST_CASE("2019: the enthronement days and the 10 days of Golden Week, no 天皇誕生日", "[dates]") {
  CHECK(listed(2019) == std::vector<std::string>{
                            "2019-01-01 元日",           "2019-01-14 成人の日",
                            "2019-02-11 建国記念の日",   "2019-03-21 春分の日",
                            "2019-04-29 昭和の日",       "2019-04-30 国民の休日",
                            "2019-05-01 天皇の即位の日", "2019-05-02 国民の休日",
                            "2019-05-03 憲法記念日",     "2019-05-04 みどりの日",
                            "2019-05-05 こどもの日",     "2019-05-06 振替休日",
                            "2019-07-15 海の日",         "2019-08-11 山の日",
                            "2019-08-12 振替休日",       "2019-09-16 敬老の日",
                            "2019-09-23 秋分の日",       "2019-10-14 体育の日",
                            "2019-10-22 即位礼正殿の儀の行われる日", "2019-11-03 文化の日",
                            "2019-11-04 振替休日",       "2019-11-23 勤労感謝の日",
                        });
  CHECK_FALSE(national_holiday({2019, 12, 23}));
  CHECK_FALSE(national_holiday({2019, 10, 21}));  // between a Sunday and a holiday: not a 国民の休日
}

TEST_CASE("2020: the Olympic moves, and no holiday in October", "[dates]") {
  CHECK(listed(2020) == std::vector<std::string>{
                            "2020-01-01 元日",       "2020-01-13 成人の日",     "2020-02-11 建国記念の日",
                            "2020-02-23 天皇誕生日", "2020-02-24 振替休日",     "2020-03-20 春分の日",
                            "2020-04-29 昭和の日",   "2020-05-03 憲法記念日",   "2020-05-04 みどりの日",
                            "2020-05-05 こどもの日", "2020-05-06 振替休日",     "2020-07-23 海の日",
                            "2020-07-24 スポーツの日", "2020-08-10 山の日",     "2020-09-21 敬老の日",
                            "2020-09-22 秋分の日",   "2020-11-03 文化の日",     "2020-11-23 勤労感謝の日",
                        });
}

TEST_CASE("2021: the Olympic moves again, 山の日 on a Sunday gives 8/9", "[dates]") {
  CHECK(listed(2021) == std::vector<std::string>{
                            "2021-01-01 元日",       "2021-01-11 成人の日",     "2021-02-11 建国記念の日",
                            "2021-02-23 天皇誕生日", "2021-03-20 春分の日",     "2021-04-29 昭和の日",
                            "2021-05-03 憲法記念日", "2021-05-04 みどりの日",   "2021-05-05 こどもの日",
                            "2021-07-22 海の日",     "2021-07-23 スポーツの日", "2021-08-08 山の日",
                            "2021-08-09 振替休日",   "2021-09-20 敬老の日",     "2021-09-23 秋分の日",
                            "2021-11-03 文化の日",   "2021-11-23 勤労感謝の日",
                        });
  CHECK_FALSE(national_holiday({2021, 7, 19}));   // the third Monday of July
  CHECK_FALSE(national_holiday({2021, 8, 11}));
  CHECK_FALSE(national_holiday({2021, 10, 11}));  // the second Monday of October
}

TEST_CASE("earlier rules: 12/23, みどりの日 on 4/29, fixed 海の日 and 敬老の日, silver weeks", "[dates]") {
  CHECK(national_holiday({2018, 12, 23}) == "天皇誕生日");
  CHECK(national_holiday({2018, 12, 24}) == "振替休日");
  CHECK(national_holiday({2006, 4, 29}) == "みどりの日");
  CHECK(national_holiday({2006, 5, 4}) == "国民の休日");
  CHECK_FALSE(national_holiday({2003, 5, 4}));  // a Sunday: before 2007 not a 国民の休日
  CHECK(national_holiday({2002, 7, 20}) == "海の日");
  CHECK(national_holiday({2002, 9, 15}) == "敬老の日");
  CHECK(national_holiday({2003, 7, 21}) == "海の日");
  CHECK(national_holiday({2015, 8, 11}) == std::nullopt);  // 山の日 starts in 2016
  CHECK(national_holiday({2016, 8, 11}) == "山の日");
  CHECK(national_holiday({2009, 9, 22}) == "国民の休日");
  CHECK(national_holiday({2015, 9, 22}) == "国民の休日");
  CHECK(national_holiday({2008, 5, 6}) == "振替休日");  // 5/4 on a Sunday: after 5/5, under the 2007 rule
}

TEST_CASE("ordinary days, invalid dates and years outside 2000-2099 are no holidays", "[dates]") {
  CHECK_FALSE(national_holiday({2026, 4, 2}));
  CHECK_FALSE(national_holiday({2026, 2, 30}));
  CHECK(holidays_in(1999).empty());
  CHECK(holidays_in(2100).empty());
  CHECK_FALSE(national_holiday({2100, 1, 1}));
  CHECK(national_holiday({2099, 1, 1}) == "元日");
}

TEST_CASE("every year 2000-2099 lists its holidays in order, once each, 振替休日 after a Sunday", "[dates]") {
  for (int year = kFirstHolidayYear; year <= kLastHolidayYear; ++year) {
    INFO(year);
    const auto list = holidays_in(year);
    CHECK(list.size() >= 15);
    for (std::size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].first < list[i].first);
    for (std::size_t i = 0; i < list.size(); ++i) {
      CHECK(list[i].first.year == year);
      if (list[i].second != "振替休日") continue;
      std::size_t first = i;  // back over the run of holidays that ends the day before
      while (first > 0 && list[first - 1].first == list[first].first.add_days(-1)) --first;
      bool sunday_in_run = false;
      for (std::size_t j = first; j < i; ++j) sunday_in_run = sunday_in_run || list[j].first.weekday() == 0;
      CHECK(sunday_in_run);
    }
  }
}
