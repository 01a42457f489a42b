// Japanese era dates: the forms residents write, era boundaries to the day, and writing dates back.
#include <catch2/catch.hpp>

#include "core/wareki.hpp"

using namespace madoguchi;

namespace {
std::string iso(std::string_view text) {
  ParsedDate parsed = parse_japanese_date(text);
  return parsed.problem ? "problem:" + parsed.problem->code : parsed.date.iso();
}
}  // namespace

TEST_CASE("western dates in the forms residents type", "[forms]") {
  CHECK(iso("2024-04-01") == "2024-04-01");
  CHECK(iso("2024/4/1") == "2024-04-01");
  CHECK(iso("2024.4.1") == "2024-04-01");
  CHECK(iso("2024年4月1日") == "2024-04-01");
  CHECK(iso("２０２４年４月１日") == "2024-04-01");
  CHECK(iso("２０２４－０４－０１") == "2024-04-01");
  CHECK(iso(" 2024 / 4 / 1 ") == "2024-04-01");
  CHECK(iso("20240401") == "2024-04-01");
  CHECK(iso("2024年4月1日（月）") == "2024-04-01");
  CHECK(iso("1850-01-01") == "1850-01-01");  // a Gregorian date, even if no era date can name it
}

TEST_CASE("era dates with kanji, letters, 元年 and kanji numerals", "[forms]") {
  CHECK(iso("令和6年4月1日") == "2024-04-01");
  CHECK(iso("令和元年5月1日") == "2019-05-01");
  CHECK(iso("R1.5.1") == "2019-05-01");
  CHECK(iso("R6.4.1") == "2024-04-01");
  CHECK(iso("r6/4/1") == "2024-04-01");
  CHECK(iso("Ｒ６．４．１") == "2024-04-01");
  CHECK(iso("令6.4.1") == "2024-04-01");
  CHECK(iso("㋿6年4月1日") == "2024-04-01");
  CHECK(iso("H31.4.30") == "2019-04-30");
  CHECK(iso("平成31年4月30日") == "2019-04-30");
  CHECK(iso("S64.1.7") == "1989-01-07");
  CHECK(iso("昭和 64年 1月 7日") == "1989-01-07");
  CHECK(iso("平成元年1月8日") == "1989-01-08");
  CHECK(iso("大正元年7月30日") == "1912-07-30");
  CHECK(iso("明治45年7月29日") == "1912-07-29");
  CHECK(iso("明治6年1月1日") == "1873-01-01");
  CHECK(iso("昭和元年12月25日") == "1926-12-25");
  CHECK(iso("令和六年四月一日") == "2024-04-01");
  CHECK(iso("平成三十一年四月三十日") == "2019-04-30");
  CHECK(iso("二〇二四年十二月二十五日") == "2024-12-25");
}

TEST_CASE("a date outside the era written says which era date it is", "[forms]") {
  ParsedDate parsed = parse_japanese_date("平成31年5月1日");
  REQUIRE(parsed.problem);
  CHECK(parsed.problem->code == "date.era_range");
  using Params = std::vector<std::pair<std::string, std::string>>;
  CHECK(parsed.problem->params == Params{{"era", "平成"}, {"suggestion", "令和元年5月1日"}, {"western", "2019-05-01"}});

  CHECK(iso("昭和64年1月8日") == "problem:date.era_range");
  CHECK(parse_japanese_date("S64.1.8").problem->params[1].second == "平成元年1月8日");
  CHECK(parse_japanese_date("令和1年4月30日").problem->params[1].second == "平成31年4月30日");
  CHECK(iso("大正15年12月25日") == "problem:date.era_range");  // 即日改元: that day is 昭和元年
  CHECK(iso("明治45年7月30日") == "problem:date.era_range");
}

TEST_CASE("text that is not a date gets the code that says why", "[forms]") {
  CHECK(iso("2023年2月29日") == "problem:date.no_such_day");
  CHECK(iso("2024-13-01") == "problem:date.no_such_day");
  CHECK(iso("令和0年1月1日") == "problem:date.no_such_day");
  CHECK(iso("明治5年12月2日") == "problem:date.before_1873");
  CHECK(iso("24/4/1") == "problem:date.format");  // a two-digit year could be any century
  CHECK(iso("4月1日") == "problem:date.format");
  CHECK(iso("令和6年4月") == "problem:date.format");
  CHECK(iso("X6.4.1") == "problem:date.format");
  CHECK(iso("2024-04-01T10:00") == "problem:date.format");
  CHECK(iso("") == "problem:date.format");
}

TEST_CASE("dates written back in era and western form", "[forms]") {
  CHECK(format_wareki({2024, 4, 1}) == "令和6年4月1日");
  CHECK(format_wareki({2019, 5, 1}) == "令和元年5月1日");
  CHECK(format_wareki({2019, 4, 30}) == "平成31年4月30日");
  CHECK(format_wareki({1989, 1, 7}) == "昭和64年1月7日");
  CHECK(format_wareki({1926, 12, 24}) == "大正15年12月24日");
  CHECK(format_wareki({1873, 1, 1}) == "明治6年1月1日");
  CHECK(format_wareki({1872, 12, 31}).empty());
  CHECK(format_wareki({2023, 2, 29}).empty());
  CHECK(format_western({2024, 4, 1}) == "2024年4月1日");
  REQUIRE(era_of({2019, 5, 1}));
  CHECK(era_of({2019, 5, 1})->letter == 'R');
  CHECK(eras().size() == 5);
}
