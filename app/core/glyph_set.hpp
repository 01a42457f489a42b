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

// ASCII, kana and the punctuation every screen may use, plus every character of the catalog's texts,
// of the messages in each language the Japanese font draws alone (ja, en, ja-x-easy: switching among
// them needs no new glyph) and of every language's name.
GlyphSet glyphs_for(const Catalog& catalog, const Messages& messages);

// The characters of `language`'s messages: added when the extra font it needs arrives, so a Japanese
// resident's atlas never holds the kanji that only the Chinese messages use.
void add_message_glyphs(GlyphSet& set, const Messages& messages, std::string_view language);

}  // namespace madoguchi
