// Residents' "how easy was this?" ratings: a resident adds one anonymously, staff read the monthly counts.
// Only a counter per procedure, month and score is touched, so nothing links a rating to a submission;
// staff see a month only once it has ended, and its scores only where enough residents rated.
#include "api_error.hpp"
#include "routes.hpp"

#include "core/draft_id.hpp"
#include "core/rating.hpp"

#include <boost/json.hpp>

#include <numeric>

namespace madoguchi::endpoint {

namespace {

// Below this many ratings of a procedure in a month, staff who know who applied could tell who gave
// which score, so only the total is shown.
constexpr std::int64_t kFewestRatingsShownByScore = 5;

}  // namespace

Response post_rating(const Request& req, Services& services) {
    if (media_type_of(req) != "application/json") {
        return errors::unsupported_media_type(req[http::field::content_type], "application/json");
    }
    boost::json::error_code ec;
    const boost::json::value body = boost::json::parse(req.body(), ec);
    if (ec) return errors::bad_rating("the body is not valid JSON");
    const auto* fields = body.if_object();
    if (!fields) return errors::bad_rating("the body is not a JSON object");
    // Anything more than these two could carry what identifies a resident, so it is refused, not ignored.
    for (const auto& field : *fields) {
        if (field.key() != "procedure" && field.key() != "score") {
            return errors::bad_rating("unknown field " + printable(field.key()) +
                                      "; only procedure and score are read");
        }
    }
    const auto* procedure = fields->contains("procedure") ? fields->at("procedure").if_string() : nullptr;
    if (!procedure) return errors::bad_rating("procedure is missing or not a string");
    if (!is_catalog_id(*procedure)) {
        return errors::bad_rating("procedure is not a catalog procedure id (1 to 64 lowercase letters, digits and -)");
    }
    // A JSON 3.0 or "3" is no whole number here: the app sends the integer it showed.
    const auto* score = fields->contains("score") ? fields->at("score").if_int64() : nullptr;
    if (!score || *score < 1 || *score > 5) {
        return errors::bad_rating("score is missing or not a whole number from 1 to 5");
    }

    // The month is all the store learns of when: the counter, not the moment, is what the ward reads.
    const std::string month = utc_time(services.now()).substr(0, 7);
    services.store.add_rating(*procedure, month, static_cast<int>(*score));
    return Response{http::status::no_content, 11};
}

Response staff_ratings(const Request& req, Services& services) {
    const auto staff = authorize_staff(req, services.store);
    if (auto* error = std::get_if<Response>(&staff)) return std::move(*error);
    const auto month = query_value(req.target(), "month");
    if (month && !is_rating_month(*month)) return errors::bad_month(*month);
    // The month still being counted stays hidden: read again after a known submission arrives, its
    // counts would show which score that resident gave. An ended month's counters never change.
    const std::string counting = utc_time(services.now()).substr(0, 7);
    boost::json::array list;
    for (const auto& r : services.store.ratings(month)) {
        if (r.month >= counting) continue;
        const std::int64_t total = std::accumulate(r.counts.begin(), r.counts.end(), std::int64_t{0});
        boost::json::object row{{"procedure", r.procedure}, {"month", r.month}, {"total", total}};
        if (total >= kFewestRatingsShownByScore) row["counts"] = boost::json::array(r.counts.begin(), r.counts.end());
        list.push_back(std::move(row));
    }
    return json_response(http::status::ok, boost::json::object{{"ratings", std::move(list)}, {"counting", counting}});
}

}  // namespace madoguchi::endpoint
