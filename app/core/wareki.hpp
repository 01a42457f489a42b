// Japanese era dates (和暦): reading the ways residents write a date (令和6年4月1日, R6.4.1, 2024/4/1) and
// writing a date back in the era form forms and letters use.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "civil_date.hpp"

namespace madoguchi {

struct Era {
  std::string_view name;  // 令和
  char letter;            // R, as in R6.4.1
  int first_year;         // the western year of the era's first year (元年)
  CivilDate first_day;    // the first day that can be converted (wareki.cpp says why 明治 differs)
};

// 明治, 大正, 昭和, 平成, 令和, oldest first.
std::span<const Era> eras();

// The era of a date, or nullptr for an invalid date or one before 1873-01-01 (明治6年1月1日).
const Era* era_of(const CivilDate& date);

// Why a text is not a date, with a code of the form "date.*" and the values its message needs.
struct DateProblem {
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
};

struct ParsedDate {
  CivilDate date;                      // meaningful only when there is no problem
  std::optional<DateProblem> problem;  // set when the text is not a date
};

// Accepts, with ASCII or full-width digits and spaces anywhere:
//   western  2024-04-01, 2024/4/1, 2024.4.1, 2024年4月1日, 20240401
//   era      令和6年4月1日, 令和元年5月1日, 令和6/4/1, 令6.4.1, ㋿6.4.1, R6.4.1, r6/4/1, H31.4.30, S64.1.7
// plus kanji numerals in any part (令和六年四月一日, 平成三十一年) and a trailing weekday such as (月).
// Problems: date.format (not readable as a date), date.no_such_day (2月30日, 13月),
// date.era_range (平成31年5月1日: params era = 平成, suggestion = 令和元年5月1日, western = 2019-05-01),
// date.before_1873 (an era date before 明治6年, written in the old lunisolar calendar).
ParsedDate parse_japanese_date(std::string_view text);

// "令和6年4月1日", "令和元年5月1日"; empty for an invalid date or one before 1873-01-01.
std::string format_wareki(const CivilDate& date);
// "2024年4月1日"; empty for an invalid date. (CivilDate::iso() gives "2024-04-01".)
std::string format_western(const CivilDate& date);

}  // namespace madoguchi
