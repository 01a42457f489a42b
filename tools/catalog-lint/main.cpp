// catalog-lint: checks every file of a catalog folder and, with --bundle, writes the single file
// the app downloads; with --home-bundle, the part of it home needs before the first frame. Problems print as "file: json-path: what is wrong" and make the exit status 1.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/catalog_home.hpp"
#include "core/catalog_loader.hpp"

namespace fs = std::filesystem;
using madoguchi::SourceFile;

namespace {

int usage() {
  std::cerr << "usage: catalog-lint CATALOG_DIR [--bundle OUT_FILE] [--home-bundle OUT_FILE]\n"
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

void write_file(const fs::path& out, const std::string& text) {
  fs::path tmp = out;
  tmp += ".tmp";
  std::ofstream(tmp, std::ios::binary) << text;
  fs::rename(tmp, out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc % 2 != 0) return usage();
  fs::path bundle, home_bundle;
  for (int i = 2; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--bundle") bundle = argv[i + 1];
    else if (flag == "--home-bundle") home_bundle = argv[i + 1];
    else return usage();
  }
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
  if (!bundle.empty()) write_file(bundle, madoguchi::make_catalog_bundle(files));
  if (!home_bundle.empty()) write_file(home_bundle, madoguchi::make_home_bundle(files));
  std::cout << "catalog ok: " << result.catalog->events.size() << " life events, " << result.catalog->procedures.size()
            << " procedures, " << result.catalog->languages.size() << " languages, " << files.size() << " files\n";
  return 0;
}
