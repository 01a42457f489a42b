// The inbox's rating report: the endpoint's counts read strictly, averages rounded the same way in the
// table and the CSV, columns that line up, "-" where the endpoint withholds scores, and when the month
// being counted will be shown.
#include <catch2/catch.hpp>

#include "rating_report.hpp"
#include "submission_source.hpp"

using namespace madoguchi::inbox;

namespace {

const char* kAnswer = R"({"ratings":[
  {"procedure":"kokuho-kanyu","month":"2026-11","total":17,"counts":[0,1,2,5,9]},
  {"procedure":"tennyu-todoke","month":"2026-11","total":2}],"counting":"2026-12"})";

RatingCounts shown(std::array<std::int64_t, 5> counts) {
  std::int64_t total = 0;
  for (auto n : counts) total += n;
  return {"a", "2026-11", total, counts};
}

}  // namespace

TEST_CASE("inbox ratings: the endpoint's counts are read as they are", "[inbox]") {
  const auto report = read_ratings(kAnswer);
  CHECK(report.counting == "2026-12");
  REQUIRE(report.rows.size() == 2);
  CHECK(report.rows[0].procedure == "kokuho-kanyu");
  CHECK(report.rows[0].month == "2026-11");
  CHECK(report.rows[0].total == 17);
  CHECK(report.rows[0].counts == std::array<std::int64_t, 5>{0, 1, 2, 5, 9});
  CHECK(report.rows[1].total == 2);
  CHECK_FALSE(report.rows[1].counts);
  CHECK(read_ratings(R"({"ratings":[],"counting":"2026-12"})").rows.empty());
}

TEST_CASE("inbox ratings: an answer in another form is an error, not a table", "[inbox]") {
  for (const char* answer :
       {"", "[]", R"({"ratings":{},"counting":"2026-12"})", R"({"ratings":[1],"counting":"2026-12"})",
        R"({"ratings":[]})", R"({"ratings":[],"counting":"2026-13"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","total":10,"counts":[1,2,3,4]}],"counting":"2026-12"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","total":5,"counts":[1,2,3,4,-5]}],"counting":"2026-12"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","total":15,"counts":[1,2,3,4,"5"]}],"counting":"2026-12"})",
        // Counts that do not add up to the total would make the average a lie.
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","total":16,"counts":[1,2,3,4,5]}],"counting":"2026-12"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","counts":[1,2,3,4,5]}],"counting":"2026-12"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","total":0}],"counting":"2026-12"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11","total":"3"}],"counting":"2026-12"})",
        R"({"ratings":[{"procedure":"kokuho-kanyu","month":"2026-11-07","total":3}],"counting":"2026-12"})",
        // An escape sequence would rewrite the staff member's terminal.
        R"({"ratings":[{"procedure":"\u001b[2J","month":"2026-11","total":3}],"counting":"2026-12"})"}) {
    INFO(answer);
    CHECK_THROWS_AS(read_ratings(answer), SourceError);
  }
}

TEST_CASE("inbox ratings: averages to one decimal, rounded half up, and none where scores are withheld",
          "[inbox]") {
  CHECK(average_score(shown({0, 1, 2, 5, 9})) == "4.3");  // 73 / 17 = 4.29...
  CHECK(average_score(shown({0, 0, 0, 3, 1})) == "4.3");  // 4.25
  CHECK(average_score(shown({1, 0, 0, 0, 1})) == "3.0");
  CHECK(average_score(shown({0, 0, 0, 0, 1})) == "5.0");
  CHECK(average_score({"a", "2026-11", 3, std::nullopt}) == "-");
}

TEST_CASE("inbox ratings: a table with aligned columns and what it leaves out, and a CSV for spreadsheets",
          "[inbox]") {
  const auto report = read_ratings(kAnswer);
  CHECK(rating_text(report, "") ==
        "month    procedure      ratings  average  1  2  3  4  5\n"
        "2026-11  kokuho-kanyu        17      4.3  0  1  2  5  9\n"
        "2026-11  tennyu-todoke        2        -  -  -  -  -  -\n"
        "-: fewer than 5 residents rated it that month, so the portal does not show their scores\n"
        "2026-12 is still being counted: its ratings are shown from 2027-01-01 (UTC)\n");
  CHECK(rating_csv(report.rows) ==
        "\xEF\xBB\xBF\"月\",\"手続き\",\"件数\",\"平均\",\"評価1\",\"評価2\",\"評価3\",\"評価4\",\"評価5\"\r\n"
        "\"2026-11\",\"kokuho-kanyu\",\"17\",\"4.3\",\"0\",\"1\",\"2\",\"5\",\"9\"\r\n"
        "\"2026-11\",\"tennyu-todoke\",\"2\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n");
}

TEST_CASE("inbox ratings: asking for a month that has not ended says when it will be shown", "[inbox]") {
  const RatingReport none{{}, "2026-12"};
  CHECK(rating_text(none, "2026-12") == "2026-12 is still being counted: its ratings are shown from 2027-01-01 (UTC)\n");
  CHECK(rating_text(none, "2027-03") ==
        "2027-03 has not ended: a month's ratings are shown from the first day of the next month (UTC)\n");
  CHECK(rating_text(none, "2026-10") == "no ratings in 2026-10\n");
  CHECK(rating_text(none, "") ==
        "no ratings in the months that have ended\n"
        "2026-12 is still being counted: its ratings are shown from 2027-01-01 (UTC)\n");
  CHECK(rating_notes(RatingReport{{}, "2027-12"}, "") ==
        "2027-12 is still being counted: its ratings are shown from 2028-01-01 (UTC)\n");
}
