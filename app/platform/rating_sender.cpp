// Whether a rating is done with is core's rating_settled; this only sends.
#include "rating_sender.hpp"

#include <set>
#include <string>

#include "core/rating.hpp"
#include "http_fetch.hpp"

namespace madoguchi::platform {
namespace {

std::set<std::string> g_in_flight;  // receipts whose rating is on its way

}  // namespace

void ratings_changed(const Navigation& nav, std::function<void(Action)> done) {
  if (!nav.online) return;
  for (const auto& sent : nav.sent) {
    if (!sent.rating || sent.rating_sent || !g_in_flight.insert(sent.receipt).second) continue;
    const std::string body = rating_body(sent.procedure_id, sent.rating);
    post_bytes("api/v1/ratings", {{"Content-Type", "application/json"}}, std::vector<std::uint8_t>(body.begin(), body.end()),
               [receipt = sent.receipt, done](FetchResult r) {
                 g_in_flight.erase(receipt);
                 if (rating_settled(r.status)) done(RatingSent{receipt});
               });
  }
}

}  // namespace madoguchi::platform
