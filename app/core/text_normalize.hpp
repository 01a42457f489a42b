// What Japanese residents type, made uniform: character width, kana, hyphen lookalikes and spaces.
// UTF-8 in, UTF-8 out; bytes that are not valid UTF-8 become U+FFFD, so a later check can point at them.
#pragma once
#include <string>
#include <string_view>

namespace madoguchi {

std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// ASCII space, tab and the ideographic space U+3000 (what a Japanese IME types for the space bar).
bool is_space(char32_t c);
bool is_ascii_digit(char32_t c);
bool is_digit_any_width(char32_t c);  // 0-9 or the full-width ０-９

// Full-width ASCII forms U+FF01-U+FF5E (ＡＢＣ１２３＠－) to ASCII. Nothing else changes: the ideographic space
// is left to collapse_spaces, half-width kana to halfwidth_kana_to_fullwidth.
std::string to_halfwidth_ascii(std::string_view text);

// Half-width katakana U+FF61-U+FF9F to full-width, joining a following voiced (ﾞ) or semi-voiced (ﾟ) mark
// into one character where one exists: ｶﾞ → ガ, ﾊﾟ → パ, ｳﾞ → ヴ. A mark with nothing to join stays as ゛ or ゜.
std::string halfwidth_kana_to_fullwidth(std::string_view text);

// Hiragana ぁ-ゖ and the iteration marks ゝゞ to their katakana; everything else unchanged.
std::string hiragana_to_katakana(std::string_view text);

// Hyphen lookalikes to ASCII '-', for addresses and phone numbers.
// - Dashes (‐ U+2010, ‑ U+2011, ‒ U+2012, – U+2013, — U+2014, ― U+2015, − U+2212, ﹣ U+FE63, － U+FF0D) always
//   become '-': none of them is ever part of a Japanese word.
// - The long-vowel marks ー U+30FC and ｰ U+FF70 become '-' only when the character right before AND the
//   character right after are both digits (0-9 or ０-９), as in "1ー2ー3" typed with the IME. "コーポ", "ルー10"
//   or "10ーA" keep their ー, because a katakana word next to a number must stay intact.
std::string normalize_hyphens(std::string_view text);

// Trims spaces (ASCII, tab, U+3000) at both ends and replaces every run of them inside with `separator`.
std::string collapse_spaces(std::string_view text, std::string_view separator = " ");

}  // namespace madoguchi
