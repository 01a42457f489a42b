// Checks the UI's message files (i18n/*.json) against each other and against the code that uses
// them: every file valid and one per UI language, the same keys and placeholders in every language,
// and no key that no code in app/ uses. Prints one line per problem, naming the file and the key.
#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/application_status.hpp"
#include "core/field_validation.hpp"
#include "core/json_text.hpp"
#include "core/localized_text.hpp"
#include "core/messages.hpp"

namespace fs = std::filesystem;
using namespace madoguchi;

namespace {

// Keys the app builds at run time from a prefix and a value ("status." + code). Each prefix the
// code in app/ builds must be here with every value it can take; the lint fails on one that is not
// (or on one here that the code no longer builds), so no key is called used only by its prefix.
std::map<std::string, std::vector<std::string>> built_keys() {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& p : problem_codes()) out["form.error."].emplace_back(p.code);     // field_validation.cpp
  for (auto s : application_statuses()) out["status."].emplace_back(s);           // applications_screen.cpp
  for (int m = 1; m <= 12; ++m) out["month."].push_back(std::to_string(m));       // date_text.cpp
  for (int d = 0; d <= 6; ++d) out["weekday."].push_back(std::to_string(d));      // date_text.cpp, Sunday = 0
  return out;
}

struct MessageFile {
  std::string path;  // as printed: i18n/ko.json
  std::string language;
  std::map<std::string, std::string> messages;
};

struct CodeStrings {
  std::set<std::string> literals;
  std::map<std::string, std::string> built_prefixes;  // prefix -> where ("app/ui/x.cpp:12")
};

bool looks_like_key(const std::string& s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z' || s.find('.') == std::string::npos) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; });
}

// The string literals of a C++ file, outside comments, and those a `+` follows ("status." + code).
void scan_source(const std::string& text, const std::string& name, CodeStrings& out) {
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      --i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t end = text.find("*/", i + 2);
      end = end == std::string::npos ? text.size() : end + 1;
      line += static_cast<int>(std::count(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(end), '\n'));
      i = end;
    } else if (c == '\'' && !(i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) {  // not 1'000
      for (++i; i < text.size() && text[i] != '\''; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == 'R' && i + 1 < text.size() && text[i + 1] == '"') {  // R"(...)" raw string
      const std::size_t open = text.find('(', i);
      if (open == std::string::npos) return;
      std::string close(1, ')');  // the delimiter between R" and ( closes it too
      close.append(text, i + 2, open - i - 2).push_back('"');
      const std::size_t end = text.find(close, open);
      if (end == std::string::npos) return;
      line += static_cast<int>(std::count(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(end), '\n'));
      i = end + close.size() - 1;
    } else if (c == '"') {
      std::string literal;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') literal += text[i++];
        literal += text[i];
      }
      std::size_t next = i + 1;
      while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
      if (next < text.size() && text[next] == '+' && looks_like_key(literal) && literal.back() == '.')
        out.built_prefixes.emplace(literal, name + ":" + std::to_string(line));
      out.literals.insert(literal);
    }
  }
}

CodeStrings scan_code(const fs::path& app_dir) {
  CodeStrings out;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(app_dir))
    if (e.is_regular_file() && (e.path().extension() == ".cpp" || e.path().extension() == ".hpp")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    scan_source(s.str(), "app/" + fs::relative(f, app_dir).generic_string(), out);
  }
  return out;
}

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.insert(text.substr(open, close - open + 1));
  }
  return out;
}

std::string joined(const std::set<std::string>& s) {
  std::string out;
  for (const auto& p : s) out += (out.empty() ? "" : " ") + p;
  return out.empty() ? "none" : out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: i18n-lint I18N_DIR APP_DIR\n";
    return 2;
  }
  const fs::path i18n_dir = argv[1], app_dir = argv[2];
  std::vector<std::string> problems;
  auto problem = [&](const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); };

  std::vector<MessageFile> files;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(i18n_dir))
    if (e.path().extension() == ".json") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    MessageFile file{"i18n/" + path.filename().string(), path.stem().string(), {}};
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    // Messages::load is what the app runs: the same checks of JSON, "format", "language" and "messages".
    Messages check;
    if (std::string why = check.load(file.language, text); !why.empty()) {
      problem(file.path, why);
      continue;
    }
    const ParsedJson parsed = parse_json_text(text);
    for (const auto& kv : parsed.value.as_object().at("messages").as_object())
      file.messages.emplace(std::string(kv.key()), std::string(kv.value().as_string()));
    if (std::find(kUiLanguages.begin(), kUiLanguages.end(), file.language) == kUiLanguages.end())
      problem(file.path, "\"" + file.language + "\" is not a UI language: add it to kUiLanguages (app/core/localized_text.hpp) or remove the file");
    files.push_back(std::move(file));
  }
  for (std::string_view lang : kUiLanguages)
    if (std::find(paths.begin(), paths.end(), i18n_dir / (std::string(lang) + ".json")) == paths.end())
      problem("i18n/" + std::string(lang) + ".json", "missing: kUiLanguages (app/core/localized_text.hpp) lists \"" + std::string(lang) + "\"");

  // The reference for keys and placeholders is Japanese, the language every message is written in first.
  auto reference = std::find_if(files.begin(), files.end(), [](const MessageFile& f) { return f.language == kJapanese; });
  std::map<std::string, const MessageFile*> first_with;  // every key of any file, and a file that has it
  if (reference != files.end())
    for (const auto& [key, text] : reference->messages) first_with.emplace(key, &*reference);
  for (const auto& f : files)
    for (const auto& [key, text] : f.messages) first_with.emplace(key, &f);

  const CodeStrings code = scan_code(app_dir);
  std::set<std::string> used(code.literals.begin(), code.literals.end());
  const auto built = built_keys();
  for (const auto& [prefix, where] : code.built_prefixes)
    if (!built.count(prefix))
      problem(where, "a message key is built from \"" + prefix + "\" + ...: list the keys it can make in built_keys() (tools/i18n-lint/main.cpp)");
  for (const auto& [prefix, values] : built) {
    if (!code.built_prefixes.count(prefix))
      problem("tools/i18n-lint/main.cpp", "built_keys() lists \"" + prefix + "\", which no code in app/ builds any more: remove it");
    for (const auto& v : values) {
      used.insert(prefix + v);
      if (!first_with.count(prefix + v)) first_with.emplace(prefix + v, nullptr);  // missing everywhere
    }
  }

  for (const auto& [key, holder] : first_with) {
    const std::set<std::string> expected = holder ? placeholders(holder->messages.at(key)) : std::set<std::string>{};
    for (const auto& f : files) {
      auto it = f.messages.find(key);
      if (it == f.messages.end()) {
        problem(f.path, "key \"" + key + "\" is missing" + (holder ? " (" + holder->path + " has it)" : " (the code builds it)"));
      } else if (holder && &f != holder && placeholders(it->second) != expected) {
        problem(f.path, "key \"" + key + "\" has placeholders " + joined(placeholders(it->second)) + " but " + holder->path +
                            " has " + joined(expected));
      }
      if (it != f.messages.end() && !used.count(key))
        problem(f.path, "key \"" + key + "\" is used by no code in app/: remove it from every language file");
    }
  }

  for (const auto& p : problems) std::cerr << p << "\n";
  if (!problems.empty()) {
    std::cerr << "i18n-lint: " << problems.size() << " problem(s)\n";
    return 1;
  }
  std::cout << "i18n-lint: " << files.size() << " languages, " << first_with.size() << " keys, every one used and translated\n";
  return 0;
}
