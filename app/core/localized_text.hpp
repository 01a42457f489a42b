// Text a person reads, held once per language of the catalog, and the languages the portal speaks.
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi {

// BCP 47 tags; やさしい日本語 (plain Japanese) is a language of its own, tagged with a private-use subtag.
inline constexpr std::string_view kJapanese = "ja";
inline constexpr std::string_view kEnglish = "en";
inline constexpr std::string_view kEasyJapanese = "ja-x-easy";

// The languages the UI speaks (one i18n/<tag>.json each), in the order the language switch lists
// them. The catalog's texts have fewer (catalog.json's "languages"); the others fall back.
inline constexpr std::array<std::string_view, 6> kUiLanguages = {"ja", "en", "ja-x-easy", "zh-Hans", "ko", "vi"};

// Where a text is looked for, in order: the language itself, then, for a language that is not a kind
// of Japanese, English (its reader more likely reads English than Japanese), then Japanese, which
// every catalog text has.
struct LanguageChain {
  std::array<std::string_view, 3> tags{};
  std::size_t size = 0;
  const std::string_view* begin() const { return tags.data(); }
  const std::string_view* end() const { return tags.data() + size; }
};
LanguageChain fallback_languages(std::string_view language);

// The first language of fallback_languages(wanted) that `available` has; empty when none.
std::string_view first_available(std::string_view wanted, const std::vector<std::string>& available);

struct LocalizedText {
  std::map<std::string, std::string, std::less<>> by_language;

  // The text in the first language of fallback_languages(language) that it has, else empty.
  const std::string& in(std::string_view language) const;
};

// A legal name, such as a procedure's title, for a reader of `language`: when it falls back to a
// language other than Japanese, the Japanese name follows ("Moving-in notification (転入届)"), so the
// resident can show the counter which form they mean.
std::string counter_name(const LocalizedText& name, std::string_view language);

}  // namespace madoguchi
