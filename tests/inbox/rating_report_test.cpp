// The inbox's rating report: the endpoint's counts read strictly, averages rounded the same way in the
// table and the CSV, and columns that line up.
#include <catch2/catch.hpp>

#include "rating_report.hpp"
#include "submission_source.hpp"

using namespace madoguchi::inbox;

namespace {

const char* kAnswer = R"({"ratings":[
  {"procedure":"kokuho-kanyu","month":"2026-12","counts":[0,1,2,5,9]},
  {"procedure":"tennyu-todoke","month":"2026-12","counts":[1,0,0,0,1]}]})";

}  // namespace

TEST_CASE("inbox ratings: the endpoint's counts are read as they are", "[inbox]") {
  const auto rows = read_ratings(kAnswer);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].procedure == "kokuho-kanyu");
  CHECK(rows[0].month == "2026-12");
  CHECK(rows[0].counts == std::array<std::int64_t, 5>{0, 1, 2, 5, 9});
  CHECK(read_ratings(R"({"ratings":[]})").empty());
}

TEST_CASE("inbox ratings: an answer in another form is an error, not a table", "[inbox]") {
  for (const char* answer : {"", "[]", R"({"ratings":{}})", R"({"ratings":[1]})",
                             R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-12","counts":[1,2,3,4]}]})",
                             R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-12","counts":[1,2,3,4,-5]}]})",
                             R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-12","counts":[1,2,3,4,"5"]}]})",
                             R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-12-07","counts":[1,2,3,4,5]}]})",
                             // An escape sequence would rewrite the staff member's terminal.
                             R"({"ratings":[{"procedure":"\u001b[2J","month":"2026-12","counts":[1,2,3,4,5]}]})"}) {
    INFO(answer);
    CHECK_THROWS_AS(read_ratings(answer), SourceError);
  }
}

TEST_CASE("inbox ratings: averages to one decimal, rounded half up", "[inbox]") {
  CHECK(average_score({"a", "2026-12", {0, 1, 2, 5, 9}}) == "4.3");  // 73 / 17 = 4.29...
  CHECK(average_score({"a", "2026-12", {0, 0, 0, 3, 1}}) == "4.3");  // 4.25
  CHECK(average_score({"a", "2026-12", {1, 0, 0, 0, 1}}) == "3.0");
  CHECK(average_score({"a", "2026-12", {0, 0, 0, 0, 1}}) == "5.0");
  CHECK(average_score({"a", "2026-12", {0, 0, 0, 0, 0}}) == "-");
}

TEST_CASE("inbox ratings: a table with aligned columns, and a CSV for spreadsheets", "[inbox]") {
  const auto rows = read_ratings(kAnswer);
  CHECK(rating_table(rows) ==
        "month    procedure      ratings  average  1  2  3  4  5\n"
        "2026-12  kokuho-kanyu        17      4.3  0  1  2  5  9\n"
        "2026-12  tennyu-todoke        2      3.0  1  0  0  0  1\n");
  CHECK(rating_csv(rows) ==
        "\xEF\xBB\xBF\"月\",\"手続き\",\"件数\",\"平均\",\"評価1\",\"評価2\",\"評価3\",\"評価4\",\"評価5\"\r\n"
        "\"2026-12\",\"kokuho-kanyu\",\"17\",\"4.3\",\"0\",\"1\",\"2\",\"5\",\"9\"\r\n"
        "\"2026-12\",\"tennyu-todoke\",\"2\",\"3.0\",\"1\",\"0\",\"0\",\"0\",\"1\"\r\n");
}

TEST_CASE("inbox ratings: months are YYYY-MM with a real month", "[inbox]") {
  CHECK(is_month("2026-12"));
  CHECK(is_month("2027-01"));
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-12", "2026/12", "2026-12-01", ""}) {
    CHECK_FALSE(is_month(bad));
  }
}
