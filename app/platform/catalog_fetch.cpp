// Implements: fetch_catalog (a catalog bundle over HTTP, checked by core/catalog_loader).
#include "catalog_fetch.hpp"

#include "core/catalog_loader.hpp"
#include "http_fetch.hpp"

namespace madoguchi::platform {

void fetch_catalog(const char* file, std::function<void(CatalogFetched)> done) {
  fetch_asset(file, [file = std::string(file), done = std::move(done)](FetchResult r) {
    if (!r.ok) return done({{}, false, describe_failure(r, file)});
    CatalogLoad load = load_catalog_bundle(std::string(r.body.begin(), r.body.end()));
    if (!load.catalog) {
      std::string detail;
      for (const auto& p : load.problems) detail += p.to_string() + "\n";
      return done({{}, true, file + ": " + detail});
    }
    done({std::move(load.catalog), false, {}});
  });
}

}  // namespace madoguchi::platform
