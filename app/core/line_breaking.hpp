// Where a paragraph may break into lines: Japanese rules (禁則処理 after JIS X 4051), numbers kept with
// their counters, Latin words broken at spaces only. Pure: the caller measures code points.
#pragma once
#include <cstddef>
#include <string_view>

namespace madoguchi {

// How wide one code point is drawn, in the caller's units; called once per code point laid out.
struct GlyphAdvance {
  float (*advance)(const void* context, char32_t c);
  const void* context;
};

// Bytes [begin, end) of the text are drawn on the line; trailing spaces and the newline are left out.
struct Line {
  std::size_t begin = 0, end = 0;
  float width = 0;  // of [begin, end)
};

struct NextLine {
  Line line;
  std::size_t next = 0;  // where the following line starts: past the spaces or newline that ended this one
};

// The longest line starting at byte `begin` that fits `max_width` and ends at a break the rules allow:
// - no line starts with closing brackets, 。、・：；？！, ー, iteration marks or small kana, and none ends
//   with an opening bracket; a character that may not start a line takes the one before it along;
// - a digit run keeps its counter (14日, 3か月, 1万円, 14にち) and a prefix (第, 約, ￥);
// - letters, digits and ASCII punctuation break only at spaces.
// With no such break on the line (one word or number wider than it), it is cut inside the word where the
// bracket and punctuation rules still hold, else at the last character that fits; a line always holds at
// least one character. '\n' ends a line. Malformed UTF-8 counts as U+FFFD per byte.
NextLine next_line(std::string_view text, std::size_t begin, float max_width, GlyphAdvance advance);

}  // namespace madoguchi
