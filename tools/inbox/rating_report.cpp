// Reads the staff rating counts and lays them out for people, with averages in integer arithmetic so a
// table and a CSV of the same counts always agree.
#include "rating_report.hpp"

#include <algorithm>
#include <numeric>

#include "core/draft_id.hpp"
#include "core/json_text.hpp"
#include "core/rating.hpp"
#include "csv_export.hpp"
#include "submission_source.hpp"

namespace madoguchi::inbox {

namespace json = boost::json;

namespace {

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::string pad(width > text.size() ? width - text.size() : 0, ' ');
  return right ? pad + text : text + pad;
}

[[noreturn]] void unexpected() { throw SourceError("the portal's rating counts are not in the expected form"); }

// `withheld` fills the average and score cells the endpoint does not give: "-" on a terminal, an empty
// cell in a spreadsheet (where the CSV writer would quote a leading "-" as a possible formula).
std::vector<std::string> cells_of(const RatingCounts& row, const std::string& withheld) {
  std::vector<std::string> cells{row.month, row.procedure, std::to_string(row.total),
                                 row.counts ? average_score(row) : withheld};
  for (std::size_t i = 0; i < 5; ++i) cells.push_back(row.counts ? std::to_string((*row.counts)[i]) : withheld);
  return cells;
}

// "2027-01" after "2026-12".
std::string next_month(std::string_view month) {
  int year = std::stoi(std::string(month.substr(0, 4)));
  int m = std::stoi(std::string(month.substr(5, 2))) + 1;
  if (m == 13) {
    m = 1;
    ++year;
  }
  const std::string mm = std::to_string(m);
  return std::to_string(year) + "-" + (m < 10 ? "0" + mm : mm);
}

std::string table_of(const std::vector<RatingCounts>& rows) {
  std::vector<std::vector<std::string>> lines{{"month", "procedure", "ratings", "average", "1", "2", "3", "4", "5"}};
  for (const auto& row : rows) lines.push_back(cells_of(row, "-"));
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

}  // namespace

RatingReport read_ratings(std::string_view text) {
  ParsedJson parsed = parse_json_text(text);
  const json::object* o = parsed.error ? nullptr : parsed.value.if_object();
  const json::value* list = o ? o->if_contains("ratings") : nullptr;
  if (!list || !list->is_array()) unexpected();
  RatingReport report{{}, string_member(*o, "counting")};
  if (!is_rating_month(report.counting)) unexpected();
  for (const auto& item : list->get_array()) {
    const json::object* r = item.if_object();
    if (!r) unexpected();
    RatingCounts row{string_member(*r, "procedure"), string_member(*r, "month"), 0, std::nullopt};
    // Both end up on a terminal and in a spreadsheet: only the shapes the endpoint itself accepts.
    if (!is_catalog_id(row.procedure) || !is_rating_month(row.month)) unexpected();
    const json::value* total = r->if_contains("total");
    if (!total || !total->is_int64() || total->get_int64() < 1) unexpected();
    row.total = total->get_int64();
    if (const json::value* counts = r->if_contains("counts")) {
      if (!counts->is_array() || counts->get_array().size() != 5) unexpected();
      std::array<std::int64_t, 5> by_score{};
      for (std::size_t i = 0; i < by_score.size(); ++i) {
        const std::int64_t* n = counts->get_array()[i].if_int64();
        if (!n || *n < 0) unexpected();
        by_score[i] = *n;
      }
      if (std::accumulate(by_score.begin(), by_score.end(), std::int64_t{0}) != row.total) unexpected();
      row.counts = by_score;
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

std::string average_score(const RatingCounts& row) {
  if (!row.counts || row.total == 0) return "-";
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < row.counts->size(); ++i) sum += static_cast<std::int64_t>(i + 1) * (*row.counts)[i];
  // Tenths rounded half up in integers, so 4.25 is 4.3 everywhere, not wherever a double happens to land.
  const std::int64_t tenths = (20 * sum + row.total) / (2 * row.total);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string rating_notes(const RatingReport& report, std::string_view asked_month) {
  std::string out;
  if (std::any_of(report.rows.begin(), report.rows.end(), [](const RatingCounts& r) { return !r.counts; })) {
    out += "-: fewer than 5 residents rated it that month, so the portal does not show their scores\n";
  }
  const std::string shown_from = next_month(report.counting) + "-01";
  if (asked_month.empty() || asked_month == report.counting) {
    out += report.counting + " is still being counted: its ratings are shown from " + shown_from + " (UTC)\n";
  } else if (asked_month > report.counting) {
    out += std::string(asked_month) + " has not ended: a month's ratings are shown from the first day of the next "
                                      "month (UTC)\n";
  }
  return out;
}

std::string rating_text(const RatingReport& report, std::string_view asked_month) {
  std::string out;
  if (!report.rows.empty()) out = table_of(report.rows);
  else if (asked_month.empty()) out = "no ratings in the months that have ended\n";
  else if (asked_month < report.counting) out = "no ratings in " + std::string(asked_month) + "\n";
  return out + rating_notes(report, asked_month);
}

std::string rating_csv(const std::vector<RatingCounts>& rows) {
  std::string out = "\xEF\xBB\xBF";
  append_csv_row(out, {"月", "手続き", "件数", "平均", "評価1", "評価2", "評価3", "評価4", "評価5"});
  for (const auto& row : rows) append_csv_row(out, cells_of(row, ""));
  return out;
}

}  // namespace madoguchi::inbox
