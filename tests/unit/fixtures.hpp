// Small catalogs and the real catalog from disk, for tests of the loader and the screens.
#pragma once
#include <algorithm>
#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalog_loader.hpp"
#include "core/localized_text.hpp"
#include "core/messages.hpp"
#include "core/outgoing_submission.hpp"

namespace fixtures {

// An application as the outbox holds it, for tests of what happens around it rather than of sealing.
inline std::shared_ptr<const madoguchi::SealedApplication> sealed_as(std::string submission_id) {
  auto sealed = std::make_shared<madoguchi::SealedApplication>();
  sealed->submission_id = std::move(submission_id);
  return sealed;
}

// A 国民健康保険 application really sealed to a ward key made for the test run: its record can be kept.
inline std::shared_ptr<const madoguchi::SealedApplication> sealed_kokuho() {
  static const madoguchi::crypto::WardKeyPair ward = madoguchi::crypto::generate_ward_key_pair();
  return std::make_shared<const madoguchi::SealedApplication>(madoguchi::seal_application(
      "kokuho-kanyu", R"({"answers":{"head_name":"髙橋 花子"},"language":"ja"})", ward.public_key, "2026-12-06T01:02:03Z"));
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::vector<unsigned char> read_bytes(const std::string& path) {
  const std::string s = read_file(path);
  return {s.begin(), s.end()};
}

#ifdef WEB_BUILD_SITE_DIR
// A file of the web build by its URL ("fonts/ui-names.otf"): one index.html carries
// (web/CMakeLists.txt, carried_file) or one the site serves.
inline std::vector<unsigned char> web_build_file(const std::string& url) {
  const std::string carried = std::string(WEB_BUILD_CARRIED_DIR) + "/" + url;
  return read_bytes(std::filesystem::exists(carried) ? carried : std::string(WEB_BUILD_SITE_DIR) + "/" + url);
}
#endif

inline std::vector<madoguchi::SourceFile> real_catalog_files() {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(MADOGUCHI_SOURCE_DIR) / "assets" / "catalog";
  std::vector<madoguchi::SourceFile> files{{"catalog.json", read_file((dir / "catalog.json").string())}};
  for (const char* sub : {"events", "procedures"})
    for (const auto& e : fs::directory_iterator(dir / sub))
      files.push_back({std::string(sub) + "/" + e.path().filename().string(), read_file(e.path().string())});
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return files;
}

inline madoguchi::Messages real_messages() {
  madoguchi::Messages m;
  for (std::string_view lang : madoguchi::kUiLanguages)
    m.load(lang, read_file(std::string(MADOGUCHI_SOURCE_DIR) + "/i18n/" + std::string(lang) + ".json"));
  return m;
}

inline std::string text(const std::string& ja, const std::string& en = "English") {
  return R"({"ja": ")" + ja + R"(", "en": ")" + en + R"("})";
}

inline std::string procedure(const std::string& id, const std::string& extra_deadline = "") {
  return R"({"kind": "procedure", "id": ")" + id + R"(", "title": )" + text("出生届", "Birth registration") +
         R"(, "summary": )" + text("概要") + R"(, "department": )" + text("戸籍係") + R"(, "who_may_apply": )" +
         text("父または母") + R"(, "deadline": {"rule": "within-days", "days": 14, "count_first_day": true, "from": )" +
         text("生まれた日", "the day of birth") + R"(, "basis": )" + text("戸籍法第49条") + extra_deadline +
         R"(}, "online": {"available": false, "reason": "law-requires-presence", "instead": )" + text("窓口へ") +
         R"(}, "documents": [)" + text("出生証明書") + R"(], "fee": {"yen": 0}})";
}

// A valid two-language catalog: one event "birth" needing procedure "shussei-todoke".
inline std::vector<madoguchi::SourceFile> small_catalog() {
  return {
      {"catalog.json", R"({"format": "madoguchi-catalog/1", "ward": )" + text("テスト区", "Test City") +
                           R"(, "languages": ["ja", "en"], "events": ["birth"]})"},
      {"events/birth.json", R"({"kind": "event", "id": "birth", "title": )" + text("子どもが生まれた", "A baby was born") +
                                R"(, "summary": )" + text("出生の手続き", "What to do after a birth") +
                                R"(, "event_date": {"label": )" + text("生まれた日", "Date of birth") + R"(})" +
                                R"(, "procedures": [{"procedure": "shussei-todoke"}]})"},
      {"procedures/shussei-todoke.json", procedure("shussei-todoke")},
  };
}

// The small catalog's event with its questions and procedure entries replaced (JSON fragments).
inline std::string event_with(const std::string& questions, const std::string& procedures) {
  return R"({"kind": "event", "id": "birth", "title": )" + text("子どもが生まれた") + R"(, "summary": )" + text("出生") +
         R"(, "event_date": {"label": )" + text("生まれた日") + R"(}, "questions": )" + questions +
         R"(, "procedures": )" + procedures + "}";
}

inline void replace_file(std::vector<madoguchi::SourceFile>& files, const std::string& path, std::string text) {
  for (auto& f : files)
    if (f.path == path) f.text = std::move(text);
}

}  // namespace fixtures
