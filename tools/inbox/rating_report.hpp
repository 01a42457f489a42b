// Residents' rating counts as staff read them (GET /api/v1/staff/ratings): read from the endpoint's
// answer, shown as a table on the terminal or as a CSV for a spreadsheet.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::inbox {

// How many ratings one procedure got in one month, by score.
struct RatingCounts {
  std::string procedure, month;
  std::array<std::int64_t, 5> counts{};  // counts[i]: ratings with score i + 1
};

// YYYY-MM with a month from 01 to 12, as the endpoint counts by.
bool is_month(std::string_view s);

// The rows of the endpoint's {"ratings":[{"procedure","month","counts"}]}. Throws SourceError when the
// answer is not in that form.
std::vector<RatingCounts> read_ratings(std::string_view json);

// The average score to one decimal ("4.2"), or "-" when there are no ratings.
std::string average_score(const RatingCounts& row);

// Aligned columns: month, procedure, the number of ratings, the average and the five counts.
std::string rating_table(const std::vector<RatingCounts>& rows);

// The same columns as CSV, UTF-8 with a BOM and Japanese headers, like the procedure CSVs.
std::string rating_csv(const std::vector<RatingCounts>& rows);

}  // namespace madoguchi::inbox
