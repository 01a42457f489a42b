// The checklist tells a resident the last day they can go to the ward: the law's day, moved past
// weekends, holidays and the year-end closure, or before them for a filing due ahead of the event.
#include <catch2/catch.hpp>

#include "core/due_date.hpp"
#include "core/ward_calendar.hpp"

using namespace madoguchi;

namespace {
Deadline within(int days, bool count_first_day) {
  Deadline d;
  d.rule = DeadlineRule::WithinDays;
  d.days = days;
  d.count_first_day = count_first_day;
  return d;
}
Deadline before_event() {
  Deadline d;
  d.rule = DeadlineRule::BeforeEvent;
  return d;
}
const Deadline kShusseiTodoke = within(14, true);  // 戸籍法 第49条, counting the day of birth (第43条)
const Deadline kShiboTodoke = within(7, true);     // 戸籍法 第86条
const Deadline kTennyuTodoke = within(14, false);  // 住民基本台帳法 第22条, 民法 第140条
}  // namespace

TEST_CASE("the ward is closed on weekends, holidays and 12/29-1/3, open otherwise", "[dates]") {
  CHECK(is_open({2026, 4, 2}));          // Thursday
  CHECK_FALSE(is_open({2026, 6, 13}));   // Saturday
  CHECK_FALSE(is_open({2026, 6, 14}));   // Sunday
  CHECK_FALSE(is_open({2026, 3, 20}));   // 春分の日, a Friday
  CHECK_FALSE(is_open({2026, 5, 6}));    // 振替休日
  CHECK_FALSE(is_open({2026, 9, 22}));   // 国民の休日
  CHECK_FALSE(is_open({2026, 12, 29}));  // year-end closure on a Tuesday
  CHECK_FALSE(is_open({2027, 1, 3}));
  CHECK(is_open({2026, 12, 28}));
  CHECK(is_open({2027, 1, 4}));
  CHECK_FALSE(is_open({2026, 2, 30}));  // not a date
  CHECK(next_open_day({2026, 4, 2}) == CivilDate{2026, 4, 2});
  CHECK(next_open_day({2026, 12, 29}) == CivilDate{2027, 1, 4});
  CHECK(previous_open_day({2027, 1, 3}) == CivilDate{2026, 12, 28});
  CHECK(next_open_day({2019, 4, 27}) == CivilDate{2019, 5, 7});  // the 10-day Golden Week of 2019
}

TEST_CASE("出生届 for a baby born on 春分の日 2026: day 14 counts the birthday and is open", "[dates]") {
  const auto due = due_date(kShusseiTodoke, {2026, 3, 20});  // Friday, 春分の日
  REQUIRE(due);
  CHECK(due->legal == CivilDate{2026, 4, 2});
  CHECK(due->effective == CivilDate{2026, 4, 2});
  CHECK_FALSE(due->moved);
}

TEST_CASE("出生届 whose day 14 falls in Golden Week moves to the first day after it", "[dates]") {
  const auto due = due_date(kShusseiTodoke, {2026, 4, 20});
  REQUIRE(due);
  CHECK(due->legal == CivilDate{2026, 5, 3});      // Sunday, 憲法記念日
  CHECK(due->effective == CivilDate{2026, 5, 7});  // past 5/4, 5/5 and the 振替休日 5/6
  CHECK(due->moved);
}

TEST_CASE("転入届 whose 14th day is a Saturday is due the Monday after", "[dates]") {
  const auto due = due_date(kTennyuTodoke, {2026, 5, 30});  // moved in on a Saturday; the day itself not counted
  REQUIRE(due);
  CHECK(due->legal == CivilDate{2026, 6, 13});
  CHECK(due->legal.weekday() == 6);
  CHECK(due->effective == CivilDate{2026, 6, 15});
  CHECK(due->effective.weekday() == 1);
  CHECK(due->moved);
}

TEST_CASE("転入届 due on 12/30 moves past the year-end closure", "[dates]") {
  const auto due_2026 = due_date(kTennyuTodoke, {2026, 12, 16});
  REQUIRE(due_2026);
  CHECK(due_2026->legal == CivilDate{2026, 12, 30});      // Wednesday
  CHECK(due_2026->effective == CivilDate{2027, 1, 4});    // Monday, the first open day of 2027
  const auto due_2025 = due_date(kTennyuTodoke, {2025, 12, 16});
  REQUIRE(due_2025);
  CHECK(due_2025->legal == CivilDate{2025, 12, 30});      // Tuesday
  CHECK(due_2025->effective == CivilDate{2026, 1, 5});    // 1/3 is a Saturday, 1/4 a Sunday
  CHECK(due_2025->moved);
}

TEST_CASE("転入届 due just before the 2025 Golden Week 振替休日 moves past it", "[dates]") {
  const auto due = due_date(kTennyuTodoke, {2025, 4, 20});
  REQUIRE(due);
  CHECK(due->legal == CivilDate{2025, 5, 4});      // Sunday, みどりの日
  CHECK(due->effective == CivilDate{2025, 5, 7});  // 5/5 こどもの日, 5/6 振替休日
  CHECK(due->moved);
}

TEST_CASE("死亡届 counts the day of learning of the death as day 1 of 7", "[dates]") {
  const auto open_due = due_date(kShiboTodoke, {2026, 6, 1});  // Monday
  REQUIRE(open_due);
  CHECK(open_due->legal == CivilDate{2026, 6, 7});        // Sunday
  CHECK(open_due->effective == CivilDate{2026, 6, 8});
  const auto silver_week = due_date(kShiboTodoke, {2026, 9, 16});
  REQUIRE(silver_week);
  CHECK(silver_week->legal == CivilDate{2026, 9, 22});      // 国民の休日
  CHECK(silver_week->effective == CivilDate{2026, 9, 24});  // after 秋分の日 9/23
  CHECK(silver_week->moved);
}

TEST_CASE("a filing due before a Monday event must be made by the Friday before", "[dates]") {
  const auto due = due_date(before_event(), {2026, 6, 15});
  REQUIRE(due);
  CHECK(due->legal == CivilDate{2026, 6, 14});
  CHECK(due->effective == CivilDate{2026, 6, 12});
  CHECK(due->moved);
  const auto new_year = due_date(before_event(), {2027, 1, 4});
  REQUIRE(new_year);
  CHECK(new_year->effective == CivilDate{2026, 12, 28});  // before the year-end closure
  const auto midweek = due_date(before_event(), {2026, 6, 18});
  REQUIRE(midweek);
  CHECK(midweek->effective == CivilDate{2026, 6, 17});
  CHECK_FALSE(midweek->moved);
}

TEST_CASE("no due date without a deadline, for a non-date, or for an empty period", "[dates]") {
  CHECK_FALSE(due_date(Deadline{}, {2026, 3, 20}));  // 婚姻届: no deadline
  CHECK_FALSE(due_date(kTennyuTodoke, {2026, 2, 30}));
  CHECK_FALSE(due_date(within(0, true), {2026, 3, 20}));
}

TEST_CASE("days left count to the due day, zero on it, negative after", "[dates]") {
  CHECK(days_left({2026, 3, 20}, {2026, 4, 2}) == 13);
  CHECK(days_left({2026, 4, 2}, {2026, 4, 2}) == 0);
  CHECK(days_left({2026, 4, 3}, {2026, 4, 2}) == -1);
  CHECK(days_left({2026, 12, 30}, {2027, 1, 4}) == 5);
}
