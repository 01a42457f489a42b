// catalog-lint: checks every file of a catalog folder and, with --bundle, writes the single file
// the app downloads. Problems print as "file: json-path: what is wrong" and make the exit status 1.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/catalog_loader.hpp"

namespace fs = std::filesystem;
using madoguchi::SourceFile;

namespace {

int usage() {
  std::cerr << "usage: catalog-lint CATALOG_DIR [--bundle OUT_FILE]\n"
               "  Checks catalog.json, events/*.json and procedures/*.json (assets/catalog/README.md).\n";
  return 2;
}

std::vector<SourceFile> read_catalog_dir(const fs::path& dir) {
  std::vector<SourceFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::string rel = fs::relative(entry.path(), dir).generic_string();
    if (rel.find('/') == std::string::npos && rel != madoguchi::kManifestPath) continue;  // e.g. the JSON Schema
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files.push_back({rel, text.str()});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--bundle")) return usage();
  fs::path dir = argv[1];
  if (!fs::is_directory(dir)) {
    std::cerr << dir.string() << ": not a folder: give the catalog folder, e.g. assets/catalog\n";
    return 2;
  }
  auto files = read_catalog_dir(dir);
  auto result = madoguchi::load_catalog(files);
  for (const auto& p : result.problems) std::cout << (dir / p.file).string() << ": " << p.where << ": " << p.message << "\n";
  if (!result.catalog) {
    std::cout << result.problems.size() << " problem(s) in " << files.size() << " file(s)\n";
    return 1;
  }
  if (argc == 4) {
    fs::path out = argv[3];
    fs::path tmp = out;
    tmp += ".tmp";
    std::ofstream(tmp, std::ios::binary) << madoguchi::make_catalog_bundle(files);
    fs::rename(tmp, out);
  }
  std::cout << "catalog ok: " << result.catalog->events.size() << " life events, " << result.catalog->procedures.size()
            << " procedures, " << result.catalog->languages.size() << " languages, " << files.size() << " files\n";
  return 0;
}
