// The optional "how easy was this?" a resident gives on a receipt: 1 (very hard) to 5 (very easy), sent
// to the endpoint with nothing but the procedure, so the ward counts it without knowing whose it is.
#pragma once
#include <string>
#include <string_view>

namespace madoguchi {

inline constexpr int kRatingMin = 1, kRatingMax = 5;

bool is_rating_score(int score);

// A month ratings are counted by: "YYYY-MM" with a month from 01 to 12 (the endpoint's counters and the
// staff route's filter, the inbox's --month).
bool is_rating_month(std::string_view s);

// The body of POST api/v1/ratings (tools/endpoint/openapi.yaml): {"procedure":"…","score":N}.
std::string rating_body(std::string_view procedure_id, int score);

// Whether a rating the endpoint answered with `http_status` is done with: counted, or refused in a way a
// retry would repeat. 0 (no answer), 408, 429 and 5xx leave it to send again later.
bool rating_settled(int http_status);

}  // namespace madoguchi
