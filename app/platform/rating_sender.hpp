// Sends the ratings residents gave on receipts (core/rating.hpp). Implements:
//  - POST api/v1/ratings with the procedure and the score, and nothing that says whose: no receipt,
//    status token or reply key (the endpoint keeps monthly counts only)
//  - one request per rating at a time; one that got no answer goes again at the next change while online,
//    after a reload too (the rating is kept with its sent application until the endpoint is done with it)
//  - RatingSent back to the app once the endpoint counted it or refused it for good
#pragma once
#include <functional>

#include "core/navigation.hpp"

namespace madoguchi::platform {

void ratings_changed(const Navigation& nav, std::function<void(Action)> done);

}  // namespace madoguchi::platform
