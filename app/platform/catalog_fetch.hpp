// Fetches the catalog in its two parts: home's (core/catalog_home.hpp), which the first frame waits for,
// and the whole, asked for after that frame.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/catalog.hpp"

namespace madoguchi::platform {

inline constexpr const char* kHomeCatalogFile = "catalog-home.json";
inline constexpr const char* kWholeCatalogFile = "catalog.json";

struct CatalogFetched {
  std::optional<Catalog> catalog;  // none when it could not be fetched or read
  bool damaged = false;            // it came but does not load: asking again will not help
  std::string detail;              // what went wrong, for the page's error details
};

void fetch_catalog(const char* file, std::function<void(CatalogFetched)> done);

}  // namespace madoguchi::platform
