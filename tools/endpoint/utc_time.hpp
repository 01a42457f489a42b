// Times as the API writes them: YYYY-MM-DDTHH:MM:SSZ in UTC, from Unix seconds.
#pragma once

#include <cstdint>
#include <string>

namespace madoguchi::endpoint {

std::string utc_time(std::int64_t unix_seconds);

// The system clock in Unix seconds (route() takes its clock from Services, so tests can pin it).
std::int64_t unix_now();

}  // namespace madoguchi::endpoint
