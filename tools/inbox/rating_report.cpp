// Reads the staff rating counts and lays them out for people, with averages in integer arithmetic so a
// table and a CSV of the same counts always agree.
#include "rating_report.hpp"

#include <algorithm>
#include <numeric>

#include "core/draft_id.hpp"
#include "core/json_text.hpp"
#include "csv_export.hpp"
#include "submission_source.hpp"

namespace madoguchi::inbox {

namespace json = boost::json;

namespace {

std::int64_t total(const RatingCounts& row) {
  return std::accumulate(row.counts.begin(), row.counts.end(), std::int64_t{0});
}

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::string pad(width > text.size() ? width - text.size() : 0, ' ');
  return right ? pad + text : text + pad;
}

[[noreturn]] void unexpected() { throw SourceError("the portal's rating counts are not in the expected form"); }

}  // namespace

bool is_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && (s[i] < '0' || s[i] > '9')) return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

std::vector<RatingCounts> read_ratings(std::string_view text) {
  ParsedJson parsed = parse_json_text(text);
  const json::object* o = parsed.error ? nullptr : parsed.value.if_object();
  const json::value* list = o ? o->if_contains("ratings") : nullptr;
  if (!list || !list->is_array()) unexpected();
  std::vector<RatingCounts> out;
  for (const auto& item : list->get_array()) {
    const json::object* r = item.if_object();
    if (!r) unexpected();
    RatingCounts row{string_member(*r, "procedure"), string_member(*r, "month"), {}};
    // Both end up on a terminal and in a spreadsheet: only the shapes the endpoint itself accepts.
    if (!is_catalog_id(row.procedure) || !is_month(row.month)) unexpected();
    const json::value* counts = r->if_contains("counts");
    if (!counts || !counts->is_array() || counts->get_array().size() != row.counts.size()) unexpected();
    for (std::size_t i = 0; i < row.counts.size(); ++i) {
      const std::int64_t* n = counts->get_array()[i].if_int64();
      if (!n || *n < 0) unexpected();
      row.counts[i] = *n;
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string average_score(const RatingCounts& row) {
  const std::int64_t n = total(row);
  if (n == 0) return "-";
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < row.counts.size(); ++i) sum += static_cast<std::int64_t>(i + 1) * row.counts[i];
  // Tenths rounded half up in integers, so 4.25 is 4.3 everywhere, not wherever a double happens to land.
  const std::int64_t tenths = (20 * sum + n) / (2 * n);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string rating_table(const std::vector<RatingCounts>& rows) {
  std::vector<std::vector<std::string>> lines{{"month", "procedure", "ratings", "average", "1", "2", "3", "4", "5"}};
  for (const auto& row : rows) {
    std::vector<std::string> cells{row.month, row.procedure, std::to_string(total(row)), average_score(row)};
    for (std::int64_t count : row.counts) cells.push_back(std::to_string(count));
    lines.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(lines.front().size(), 0);
  for (const auto& cells : lines)
    for (std::size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], cells[i].size());
  std::string out;
  for (const auto& cells : lines) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line += "  ";
      line += padded(cells[i], widths[i], i >= 2);  // text left, numbers right
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string rating_csv(const std::vector<RatingCounts>& rows) {
  std::string out = "\xEF\xBB\xBF";
  append_csv_row(out, {"月", "手続き", "件数", "平均", "評価1", "評価2", "評価3", "評価4", "評価5"});
  for (const auto& row : rows) {
    std::vector<std::string> cells{row.month, row.procedure, std::to_string(total(row)), average_score(row)};
    for (std::int64_t count : row.counts) cells.push_back(std::to_string(count));
    append_csv_row(out, cells);
  }
  return out;
}

}  // namespace madoguchi::inbox
