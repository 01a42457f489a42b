// The part of the catalog home draws and searches, which the site sends before the first frame; the
// whole catalog follows it (assets/catalog/README.md, The bundle).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalog_loader.hpp"

namespace madoguchi {

inline constexpr std::string_view kHomeBundleFormat = "madoguchi-catalog-home/1";

// A bundle of the files' keys home needs: the manifest whole; of each event its kind, id, title, summary,
// search words and the ids of the procedures it lists (which procedure a search hit opens under); of
// each procedure its kind, id, title and search words. load_catalog_bundle reads it as home_only.
// Call it only with files that load without problems.
std::string make_home_bundle(const std::vector<SourceFile>& files);

}  // namespace madoguchi
