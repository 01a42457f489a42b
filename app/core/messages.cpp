// Message files are flat {"key": "text"} maps inside {"format", "language", "messages"}.
#include "messages.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "json_text.hpp"
#include "localized_text.hpp"

namespace madoguchi {

std::string Messages::load(std::string_view language, std::string_view json_text) {
  ParsedJson parsed = parse_json_text(json_text);
  if (parsed.error)
    return "line " + std::to_string(parsed.error->line) + ", column " + std::to_string(parsed.error->column) +
           ": not valid JSON (" + parsed.error->what + ")";
  const auto* obj = parsed.value.if_object();
  const auto* format = obj ? obj->if_contains("format") : nullptr;
  const auto* lang = obj ? obj->if_contains("language") : nullptr;
  const auto* messages = obj ? obj->if_contains("messages") : nullptr;
  if (!format || !format->is_string() || format->get_string() != "madoguchi-messages/1")
    return "$.format: expected \"madoguchi-messages/1\"";
  if (!lang || !lang->is_string() || lang->get_string() != language)
    return "$.language: expected \"" + std::string(language) + "\"";
  if (!messages || !messages->is_object()) return "$.messages: expected an object of \"key\": \"text\"";
  auto& table = by_language_[std::string(language)];
  for (const auto& kv : messages->get_object()) {
    if (!kv.value().is_string()) return "$.messages." + std::string(kv.key()) + ": expected a string";
    table[std::string(kv.key())] = std::string(kv.value().get_string());
  }
  return {};
}

std::string_view Messages::get(std::string_view language, std::string_view key) const {
  for (std::string_view lang : fallback_languages(language)) {
    auto table = by_language_.find(lang);
    if (table == by_language_.end()) continue;
    if (auto it = table->second.find(key); it != table->second.end()) return it->second;
  }
  return key;
}

std::string Messages::format(std::string_view language, std::string_view key,
                             const std::vector<std::pair<std::string_view, std::string>>& values) const {
  std::string_view pattern = get(language, key);
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 1, close - i - 1);
        auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::vector<std::string> Messages::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, table] : by_language_) out.push_back(lang);
  return out;
}

void Messages::for_each_text_in(std::string_view language, const std::function<void(std::string_view)>& visit) const {
  if (auto table = by_language_.find(language); table != by_language_.end())
    for (const auto& [key, text] : table->second) visit(text);
}

}  // namespace madoguchi
