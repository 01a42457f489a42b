// Residents' rating counts as staff read them (GET /api/v1/staff/ratings): read from the endpoint's
// answer, shown as a table on the terminal or as a CSV for a spreadsheet.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::inbox {

// How many residents rated one procedure in one month, and by score where the endpoint shows that.
struct RatingCounts {
  std::string procedure, month;
  std::int64_t total = 0;
  // counts[i]: ratings with score i + 1. None where fewer than 5 rated: the endpoint withholds them.
  std::optional<std::array<std::int64_t, 5>> counts;
};

// The endpoint's answer: ended months only, and the month it is still counting.
struct RatingReport {
  std::vector<RatingCounts> rows;
  std::string counting;
};

// Reads {"ratings":[{"procedure","month","total","counts"?}],"counting"}. Throws SourceError when the
// answer is not in that form.
RatingReport read_ratings(std::string_view json);

// The average score to one decimal ("4.2"), or "-" where the counts by score are withheld.
std::string average_score(const RatingCounts& row);

// For the terminal: aligned columns (month, procedure, the number of ratings, the average and the five
// counts, "-" where withheld) or "no ratings", then what "-" means and when the month being counted is
// shown. asked_month is the --month given, or empty.
std::string rating_text(const RatingReport& report, std::string_view asked_month);

// The same columns as CSV, UTF-8 with a BOM and Japanese headers, like the procedure CSVs; withheld
// cells are empty.
std::string rating_csv(const std::vector<RatingCounts>& rows);

// The lines under the table: what "-" means, and when the month being counted will be shown. The CSV
// goes to a file, so these go to the terminal beside it.
std::string rating_notes(const RatingReport& report, std::string_view asked_month);

}  // namespace madoguchi::inbox
