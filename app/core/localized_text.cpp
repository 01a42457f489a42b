// Picks the text of a language, falling back through English for a foreign reader and to Japanese,
// the catalog's authoritative language, for everyone.
#include "localized_text.hpp"

#include <algorithm>

namespace madoguchi {

LanguageChain fallback_languages(std::string_view language) {
  LanguageChain chain;
  auto add = [&](std::string_view tag) {
    if (std::find(chain.begin(), chain.end(), tag) == chain.end()) chain.tags[chain.size++] = tag;
  };
  add(language);
  const bool japanese = language == kJapanese || language.substr(0, kJapanese.size() + 1) == "ja-";
  if (!japanese) add(kEnglish);
  add(kJapanese);
  return chain;
}

std::string_view first_available(std::string_view wanted, const std::vector<std::string>& available) {
  for (std::string_view lang : fallback_languages(wanted))
    if (std::find(available.begin(), available.end(), lang) != available.end()) return lang;
  return {};
}

const std::string& LocalizedText::in(std::string_view language) const {
  static const std::string empty;
  for (std::string_view lang : fallback_languages(language))
    if (auto it = by_language.find(lang); it != by_language.end()) return it->second;
  return empty;
}

std::string counter_name(const LocalizedText& name, std::string_view language) {
  for (std::string_view lang : fallback_languages(language)) {
    auto it = name.by_language.find(lang);
    if (it == name.by_language.end()) continue;
    const std::string& japanese = name.in(kJapanese);
    if (lang == language || lang == kJapanese || japanese.empty()) return it->second;
    return it->second + " (" + japanese + ")";
  }
  return {};
}

}  // namespace madoguchi
