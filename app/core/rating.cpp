// Ratings as the endpoint takes them.
#include "rating.hpp"

#include <boost/json.hpp>

namespace madoguchi {

bool is_rating_score(int score) { return score >= kRatingMin && score <= kRatingMax; }

bool is_rating_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && (s[i] < '0' || s[i] > '9')) return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

std::string rating_body(std::string_view procedure_id, int score) {
  return boost::json::serialize(boost::json::object{{"procedure", procedure_id}, {"score", score}});
}

bool rating_settled(int http_status) {
  if (http_status == 0 || http_status == 408 || http_status == 429) return false;
  return http_status < 500;
}

}  // namespace madoguchi
