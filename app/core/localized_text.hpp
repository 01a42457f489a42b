// Text a person reads, held once per language of the catalog, and the languages the portal speaks.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace madoguchi {

// BCP 47 tags; やさしい日本語 (plain Japanese) is a language of its own, tagged with a private-use subtag.
inline constexpr std::string_view kJapanese = "ja";
inline constexpr std::string_view kEnglish = "en";
inline constexpr std::string_view kEasyJapanese = "ja-x-easy";

struct LocalizedText {
  std::map<std::string, std::string, std::less<>> by_language;

  // The text in `language`, else in Japanese (every catalog text has it), else empty.
  const std::string& in(std::string_view language) const;
};

}  // namespace madoguchi
