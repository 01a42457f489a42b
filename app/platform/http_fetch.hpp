// HTTP through the page's fetch (web/madoguchi.js): the files of the web build, and the endpoint's API.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace madoguchi::platform {

struct FetchResult {
  bool ok = false;
  int status = 0;  // HTTP status; 0 when the network failed or the request timed out
  std::vector<unsigned char> body;  // the answer's body, error answers included
  std::string error;  // what went wrong, for the page's error details
};

// "url: HTTP 404" or "url: <what the network said>", for the page's error details and the console.
std::string describe_failure(const FetchResult& r, std::string_view url);

// GET, revalidated with the server (cache: no-cache) so a new build is never mixed with an old file.
void fetch_asset(const std::string& url, std::function<void(FetchResult)> done);

// GET from the API, never from a cache (a status must be today's), with the given headers.
void fetch_api(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
               std::function<void(FetchResult)> done);

// POST of `body` with the given headers (Content-Type among them).
void post_bytes(const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                const std::vector<std::uint8_t>& body, std::function<void(FetchResult)> done);

}  // namespace madoguchi::platform
