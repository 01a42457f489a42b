// Reads and checks catalog files (or the bundle the build makes of them) into a Catalog; every
// problem names the file, the JSON path and what to change, so a ward officer can fix it alone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace madoguchi {

struct SourceFile {
  std::string path;  // relative to assets/catalog/, e.g. "events/birth.json"
  std::string text;
};

struct CatalogProblem {
  std::string file;
  std::string where;  // a JSON path such as "$.deadline.days", or "line 3, column 7" for a syntax error
  std::string message;

  std::string to_string() const;  // "file: where: message"
};

struct CatalogLoad {
  std::optional<Catalog> catalog;  // set only when there are no problems
  std::vector<CatalogProblem> problems;
};

inline constexpr std::string_view kManifestPath = "catalog.json";
inline constexpr std::string_view kBundleFormat = "madoguchi-catalog-bundle/1";

CatalogLoad load_catalog(const std::vector<SourceFile>& files);
// The whole catalog's bundle, or home's part of it (catalog_home.hpp), which loads as home_only.
CatalogLoad load_catalog_bundle(std::string_view bundle_text);

// The single file the app downloads (or, with catalog_home.hpp's format, home's part of it); call it only
// with files that load without problems.
std::string make_catalog_bundle(const std::vector<SourceFile>& files, std::string_view format = kBundleFormat);

}  // namespace madoguchi
