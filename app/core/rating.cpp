// Ratings as the endpoint takes them.
#include "rating.hpp"

#include <boost/json.hpp>

namespace madoguchi {

bool is_rating_score(int score) { return score >= kRatingMin && score <= kRatingMax; }

std::string rating_body(std::string_view procedure_id, int score) {
  return boost::json::serialize(boost::json::object{{"procedure", procedure_id}, {"score", score}});
}

bool rating_settled(int http_status) {
  if (http_status == 0 || http_status == 408 || http_status == 429) return false;
  return http_status < 500;
}

}  // namespace madoguchi
