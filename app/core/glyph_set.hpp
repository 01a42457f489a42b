// The characters the UI will draw, so the font atlas holds those glyphs and no others: an atlas
// of all 7,000+ cp932 kanji at a phone's 3x density would not fit a 4096 px texture.
#pragma once
#include <set>
#include <string_view>

#include "catalog.hpp"
#include "messages.hpp"

namespace madoguchi {

using GlyphSet = std::set<char32_t>;

// Decodes UTF-8 into code points; malformed bytes are skipped (they draw nothing either way).
void add_glyphs(GlyphSet& set, std::string_view utf8);

// ASCII, kana and the punctuation every screen may use, plus every character of the texts.
GlyphSet glyphs_for(const Catalog& catalog, const Messages& messages);

}  // namespace madoguchi
