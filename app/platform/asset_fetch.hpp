// Downloads a file of the web build (font, catalog, messages) through the page's fetch shim.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace madoguchi::platform {

struct FetchResult {
  bool ok = false;
  int status = 0;  // HTTP status; 0 when the network failed or the request timed out
  std::vector<unsigned char> body;
  std::string error;  // what went wrong, for the page's error details
};

void fetch_asset(const std::string& url, std::function<void(FetchResult)> done);

}  // namespace madoguchi::platform
