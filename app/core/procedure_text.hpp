// The sentences a resident reads about a procedure (deadline, fee, where it is done), composed
// from catalog data and UI messages in the resident's language.
#pragma once
#include <string>
#include <string_view>

#include "catalog.hpp"
#include "messages.hpp"

namespace madoguchi {

std::string describe_deadline(const Deadline& deadline, const Messages& messages, std::string_view language);
std::string describe_fee(const Fee& fee, const Messages& messages, std::string_view language);
std::string describe_channel(const OnlineAvailability& online, const Messages& messages, std::string_view language);

}  // namespace madoguchi
