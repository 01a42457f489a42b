// Dates a resident types (YYYY-MM-DD) must read strictly, and day arithmetic must be right across
// month, year and leap-day boundaries, or every deadline shown after it is wrong.
#include <catch2/catch.hpp>

#include "core/civil_date.hpp"

using namespace madoguchi;

TEST_CASE("days since 1970-01-01 agree with known dates, both ways", "[dates]") {
  CHECK(CivilDate{1970, 1, 1}.days_from_epoch() == 0);
  CHECK(CivilDate{1969, 12, 31}.days_from_epoch() == -1);
  CHECK(CivilDate{2000, 3, 1}.days_from_epoch() == 11017);
  CHECK(CivilDate{2026, 3, 20}.days_from_epoch() == 20532);
  CHECK(CivilDate{1900, 1, 1}.days_from_epoch() == -25567);
  CHECK(CivilDate::from_days(20532) == CivilDate{2026, 3, 20});
  CHECK(CivilDate::from_days(-25567) == CivilDate{1900, 1, 1});
}

TEST_CASE("every day from 1900 to 2100 follows the one before it", "[dates]") {
  CivilDate expected{1900, 1, 1};
  int mismatches = 0;
  for (long days = CivilDate{1900, 1, 1}.days_from_epoch(); days <= CivilDate{2100, 12, 31}.days_from_epoch(); ++days) {
    const CivilDate date = CivilDate::from_days(days);
    if (date != expected || !date.is_valid() || date.days_from_epoch() != days) ++mismatches;
    expected.day += 1;
    if (expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(expected == CivilDate{2101, 1, 1});
}

TEST_CASE("adding days crosses months, years and leap days", "[dates]") {
  CHECK(CivilDate{2024, 2, 28}.add_days(1) == CivilDate{2024, 2, 29});
  CHECK(CivilDate{2024, 2, 28}.add_days(2) == CivilDate{2024, 3, 1});
  CHECK(CivilDate{2100, 2, 28}.add_days(1) == CivilDate{2100, 3, 1});  // 2100 is not a leap year
  CHECK(CivilDate{2000, 2, 28}.add_days(1) == CivilDate{2000, 2, 29});  // 2000 is
  CHECK(CivilDate{2025, 12, 31}.add_days(1) == CivilDate{2026, 1, 1});
  CHECK(CivilDate{2026, 1, 1}.add_days(-1) == CivilDate{2025, 12, 31});
  CHECK(CivilDate{2026, 3, 20}.add_days(13) == CivilDate{2026, 4, 2});
  CHECK(CivilDate{2026, 3, 20}.add_days(0) == CivilDate{2026, 3, 20});
}

TEST_CASE("weekdays count from Sunday = 0", "[dates]") {
  CHECK(CivilDate{1970, 1, 1}.weekday() == 4);    // Thursday
  CHECK(CivilDate{1969, 12, 31}.weekday() == 3);  // Wednesday, before the epoch
  CHECK(CivilDate{2000, 1, 1}.weekday() == 6);    // Saturday
  CHECK(CivilDate{2026, 3, 20}.weekday() == 5);   // Friday
  CHECK(CivilDate{2026, 5, 3}.weekday() == 0);    // Sunday
  CHECK(CivilDate{2027, 1, 4}.weekday() == 1);    // Monday
}

TEST_CASE("only real calendar dates are valid", "[dates]") {
  CHECK(CivilDate{2024, 2, 29}.is_valid());
  CHECK(CivilDate{2000, 2, 29}.is_valid());
  CHECK_FALSE(CivilDate{2023, 2, 29}.is_valid());
  CHECK_FALSE(CivilDate{1900, 2, 29}.is_valid());
  CHECK_FALSE(CivilDate{2026, 4, 31}.is_valid());
  CHECK_FALSE(CivilDate{2026, 13, 1}.is_valid());
  CHECK_FALSE(CivilDate{2026, 0, 1}.is_valid());
  CHECK_FALSE(CivilDate{2026, 1, 0}.is_valid());
  CHECK_FALSE(CivilDate{0, 1, 1}.is_valid());
}

TEST_CASE("an ISO date reads strictly as YYYY-MM-DD", "[dates]") {
  CHECK(CivilDate::parse_iso("2026-03-20") == CivilDate{2026, 3, 20});
  CHECK(CivilDate::parse_iso("2024-02-29") == CivilDate{2024, 2, 29});
  for (const char* bad : {"", "2026-3-20", "2026/03/20", "20260320", "2026-02-30", " 2026-03-20", "2026-03-20 ",
                          "2026-03-20T09:00", "+026-03-20", "2026-03-2a", "2026-00-10", "0000-01-01",
                          "２０２６-03-20"}) {  // full-width digits are the form layer's to normalise
    INFO(bad);
    CHECK_FALSE(CivilDate::parse_iso(bad));
  }
}

TEST_CASE("an ISO date writes with zero padding and reads back", "[dates]") {
  CHECK(CivilDate{2026, 4, 2}.iso() == "2026-04-02");
  CHECK(CivilDate{999, 1, 5}.iso() == "0999-01-05");
  CHECK(CivilDate::parse_iso(CivilDate{2027, 12, 31}.iso()) == CivilDate{2027, 12, 31});
}

TEST_CASE("dates order by year, then month, then day", "[dates]") {
  CHECK(CivilDate{2025, 12, 31} < CivilDate{2026, 1, 1});
  CHECK(CivilDate{2026, 2, 28} < CivilDate{2026, 3, 1});
  CHECK(CivilDate{2026, 3, 2} > CivilDate{2026, 3, 1});
  CHECK(CivilDate{2026, 3, 1} == CivilDate{2026, 3, 1});
  CHECK(CivilDate{2026, 3, 1} != CivilDate{2026, 3, 2});
}
