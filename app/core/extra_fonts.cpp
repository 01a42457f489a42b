// Which extra font holds what; tools/extra-fonts subsets each to the same repertoire.
#include "extra_fonts.hpp"

#include <array>

namespace madoguchi {
namespace {

bool none(char32_t) { return false; }

const std::array<ExtraFont, 4> kFonts = {{
    {"fonts/ui-latin.ttf", "vi", is_accented_latin},
    {"fonts/ui-ko.otf", "ko", is_hangul},
    {"fonts/ui-zh-Hans.otf", "zh-Hans", none},  // only the messages' hanzi: a typed one is rarely in it
    {"fonts/ui-names.otf", "", none},
}};

}  // namespace

bool is_hangul(char32_t c) {
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E) || (c >= 0xAC00 && c <= 0xD7A3);
}

bool is_accented_latin(char32_t c) {
  if (c >= 0xC0 && c <= 0x17F) return c != 0xD7 && c != 0xF7;  // × and ÷ are in the Japanese font
  return c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 || (c >= 0x1EA0 && c <= 0x1EF9);
}

std::span<const ExtraFont> extra_fonts() { return kFonts; }

const ExtraFont* extra_font_for_language(std::string_view language) {
  for (const auto& f : kFonts)
    if (!f.language.empty() && f.language == language) return &f;
  return nullptr;
}

const ExtraFont* extra_font_for_typed(char32_t c) {
  for (const auto& f : kFonts)
    if (f.covers(c)) return &f;
  return nullptr;
}

const ExtraFont& language_names_font() { return kFonts.back(); }

}  // namespace madoguchi
