// The fonts fetched beside the Japanese UI font (BIZ UDPGothic, cp932) for what it lacks: Hangul,
// Simplified-only hanzi, accented Latin letters. Each comes only when the chosen language or typed
// text needs it, so a Japanese resident's first load never carries them. tools/extra-fonts builds them.
#pragma once
#include <span>
#include <string_view>

namespace madoguchi {

struct ExtraFont {
  std::string_view file;      // path on the site
  std::string_view language;  // the UI language whose messages need it; empty: no language
  // A character of the script it is for: typing one fetches it. It holds the ones a resident is likely
  // to type (KS X 1001's 2,350 Hangul syllables of 11,172), so a rare one may still be missing.
  bool (*covers)(char32_t);
};

// In the order the atlas merges them: where two hold a character, the first one's glyph is drawn.
// The last one holds only the language switch's names (한국어, Tiếng Việt): every start loads it.
std::span<const ExtraFont> extra_fonts();

// The font a UI language needs beyond the Japanese one; nullptr when none.
const ExtraFont* extra_font_for_language(std::string_view language);
// The font for a typed character of a script the Japanese font lacks; nullptr when none.
const ExtraFont* extra_font_for_typed(char32_t c);
// The font of the language switch's names.
const ExtraFont& language_names_font();

bool is_hangul(char32_t c);
bool is_accented_latin(char32_t c);  // Latin-1 and Latin Extended-A letters, and Vietnamese's

}  // namespace madoguchi
