// Picks the text of a language, falling back to Japanese, the catalog's authoritative language.
#include "localized_text.hpp"

namespace madoguchi {

const std::string& LocalizedText::in(std::string_view language) const {
  static const std::string empty;
  if (auto it = by_language.find(language); it != by_language.end()) return it->second;
  if (auto it = by_language.find(kJapanese); it != by_language.end()) return it->second;
  return empty;
}

}  // namespace madoguchi
