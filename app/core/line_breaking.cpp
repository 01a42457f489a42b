// Greedy line filling over break opportunities: each code point gets a few class bits, and whether a break
// may fall between two characters depends on their bits and on whether a number's counter is still running.
#include "line_breaking.hpp"

#include <array>

namespace madoguchi {
namespace {

enum : unsigned {
  kWord = 1u << 0,            // letters, digits, ASCII punctuation: no break between two of them
  kNoBreakBefore = 1u << 1,   // closing brackets, 。、, ー, small kana: never starts a line
  kNoBreakAfter = 1u << 2,    // opening brackets: never ends a line
  kDigit = 1u << 3,
  kKana = 1u << 4,
  kKanji = 1u << 5,
  kKaCounter = 1u << 6,       // か, カ, ケ, ヶ, 箇 after a number: 3か月, 3ヶ所
  kNumeral = 1u << 7,         // 十百千万億兆 after a digit continue the number: 1万円
  kNumberPrefix = 1u << 8,    // 第, 約, 満, ￥: kept with the number that follows
  kInseparable = 1u << 9,     // ―― and ……: never split between two of them
  kCombining = 1u << 10,      // marks and selectors: belong to the character before, never break before
  kSpace = 1u << 11,
};

constexpr std::array<unsigned short, 128> ascii_classes() {
  std::array<unsigned short, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kWord;
  t[' '] = t['\t'] = kSpace;
  for (int c = '0'; c <= '9'; ++c) t[c] = kWord | kDigit;
  for (char c : {'(', '[', '{'}) t[static_cast<unsigned char>(c)] = kWord | kNoBreakAfter;
  for (char c : {')', ']', '}', ',', '.', ':', ';', '?', '!', '%'}) t[static_cast<unsigned char>(c)] = kWord | kNoBreakBefore;
  return t;
}
constexpr std::array<unsigned short, 128> kAscii = ascii_classes();

bool is_small_hiragana(char32_t c) {
  switch (c) {
    case U'ぁ': case U'ぃ': case U'ぅ': case U'ぇ': case U'ぉ': case U'っ': case U'ゃ': case U'ゅ': case U'ょ':
    case U'ゎ': case U'ゕ': case U'ゖ':
      return true;
    default:
      return false;
  }
}

bool is_small_katakana(char32_t c) {
  switch (c) {
    case U'ァ': case U'ィ': case U'ゥ': case U'ェ': case U'ォ': case U'ッ': case U'ャ': case U'ュ': case U'ョ':
    case U'ヮ': case U'ヵ': case U'ヶ':
      return true;
    default:
      return c >= 0x31F0 && c <= 0x31FF;  // ㇰ-ㇿ, small katakana for Ainu
  }
}

unsigned cjk_symbol_class(char32_t c) {  // U+3000-U+303F
  switch (c) {
    case U'　': return kSpace;
    case U'、': case U'。': case U'〃': case U'々': case U'〻': case U'〜':
    case U'〉': case U'》': case U'」': case U'』': case U'】': case U'〕': case U'〗': case U'〙': case U'〛':
    case U'〞': case U'〟':
      return kNoBreakBefore;
    case U'〈': case U'《': case U'「': case U'『': case U'【': case U'〔': case U'〖': case U'〘': case U'〚':
    case U'〝':
      return kNoBreakAfter;
    default:
      return kKanji;  // 〆, 〇 and the rest behave as ideographs
  }
}

unsigned kana_class(char32_t c) {  // U+3040-U+30FF
  if (c == 0x3099 || c == 0x309A) return kCombining;  // combining (semi-)voiced marks
  if (c == U'゛' || c == U'゜' || c == U'゠' || c == U'・') return kNoBreakBefore;
  if (c == U'ゝ' || c == U'ゞ' || c == U'ー' || c == U'ヽ' || c == U'ヾ') return kKana | kNoBreakBefore;
  unsigned cls = kKana;
  if (is_small_hiragana(c) || is_small_katakana(c)) cls |= kNoBreakBefore;
  if (c == U'か' || c == U'カ' || c == U'ケ' || c == U'ヵ' || c == U'ヶ') cls |= kKaCounter;
  return cls;
}

unsigned kanji_class(char32_t c) {
  switch (c) {
    case U'十': case U'百': case U'千': case U'万': case U'億': case U'兆':
      return kKanji | kNumeral;
    case U'第': case U'約': case U'満': case U'計':
      return kKanji | kNumberPrefix;
    case U'箇':
      return kKanji | kKaCounter;
    default:
      return kKanji;
  }
}

unsigned fullwidth_class(char32_t c) {  // U+FF00-U+FFEF
  if (c >= U'０' && c <= U'９') return kWord | kDigit;
  if ((c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ')) return kWord;
  switch (c) {
    case U'！': case U'％': case U'）': case U'，': case U'．': case U'／': case U'：': case U'；': case U'？':
    case U'］': case U'｝': case U'～': case U'｠': case U'｡': case U'｣': case U'､': case U'･':
      return kNoBreakBefore;
    case U'ｰ': case U'ﾞ': case U'ﾟ':
      return kKana | kNoBreakBefore;
    case U'（': case U'［': case U'｛': case U'｟': case U'｢':
      return kNoBreakAfter;
    case U'￥': case U'＄': case U'＃':
      return kKanji | kNumberPrefix;
    default:
      if (c >= U'ｧ' && c <= U'ｯ') return kKana | kNoBreakBefore;
      if (c >= U'ｦ' && c <= U'ﾝ') return kKana;
      return kKanji;
  }
}

unsigned punctuation_class(char32_t c) {  // U+2000-U+206F
  if (c <= 0x200B && c != 0x2007) return kSpace;  // en quad .. zero width space; a figure space joins
  switch (c) {
    case 0x200C: case 0x200D: case 0x2060: return kCombining;
    case U'‐': case U'‼': case U'⁇': case U'⁈': case U'⁉': case U'‰': case U'‱': return kNoBreakBefore;
    case U'—': case U'―': return kInseparable;
    case U'‥': case U'…': return kInseparable | kNoBreakBefore;
    case U'‘': case U'“': return kWord | kNoBreakAfter;
    case U'’': case U'”': return kWord | kNoBreakBefore;
    default: return kWord;
  }
}

unsigned classify(char32_t c) {
  if (c < 0x80) return kAscii[c];
  if (c < 0x2000) return c >= 0x0300 && c <= 0x036F ? kCombining : kWord;
  if (c < 0x2070) return punctuation_class(c);
  if (c < 0x2E80) {
    if (c >= 0x20D0 && c <= 0x20FF) return kCombining;
    if (c == U'℃') return kWord | kNoBreakBefore;
    if (c == U'№') return kWord | kNumberPrefix;
    return kWord;
  }
  if (c < 0x3000) return kKanji;
  if (c < 0x3040) return cjk_symbol_class(c);
  if (c < 0x3100) return kana_class(c);
  if (c >= 0x31F0 && c <= 0x31FF) return kKana | kNoBreakBefore;
  if (c >= 0x3130 && c <= 0x318F) return kWord;  // Hangul compatibility jamo: Korean breaks at spaces
  if (c < 0xA000) return kanji_class(c);
  if (c >= 0xF900 && c <= 0xFAFF) return kKanji;
  if (c >= 0xFE00 && c <= 0xFE0F) return kCombining;
  if ((c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE4F)) return kKanji;
  if (c >= 0xFF00 && c <= 0xFFEF) return fullwidth_class(c);
  if (c >= 0x1F000 && c <= 0x1FAFF) return kKanji;  // emoji and pictographs break like ideographs
  if (c >= 0x20000 && c <= 0x3FFFF) return kKanji;  // CJK extension B and later (𠮷)
  if (c >= 0xE0000 && c <= 0xE01EF) return kCombining;  // tags and ideographic variation selectors
  return kWord;  // Hangul syllables, Latin and other scripts that break at spaces
}

// One code point starting at s[i]; returns its length in bytes (1 for a malformed byte, read as U+FFFD).
std::size_t decode(const unsigned char* s, std::size_t n, std::size_t i, char32_t& cp) {
  const unsigned char b = s[i];
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  const std::size_t len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  cp = 0xFFFD;
  if (len == 0 || i + len > n) return 1;
  char32_t v = b & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 1;
    v = (v << 6) | (s[i + k] & 0x3F);
  }
  cp = v;
  return len;
}

// After a digit run, the characters that belong to the number: a multiplier (万), one kanji counter (日),
// か plus one kanji (か月), or up to four kana (にち, かげつ, ページ).
class NumberTail {
 public:
  // Whether `cls` continues the number; moves on to the next character.
  bool take(unsigned cls) {
    const State was = state_;
    state_ = State::none;
    if (cls & kDigit) {
      state_ = State::digits;
      return was == State::digits;
    }
    switch (was) {
      case State::digits:
        if (cls & kNumeral) state_ = State::digits;
        else if (cls & kKaCounter) state_ = State::ka;
        else if (cls & kKana) state_ = State::kana, kana_ = 1;
        return (cls & (kNumeral | kKaCounter | kKanji | kKana)) != 0;
      case State::ka:
        if (cls & kKana) state_ = State::kana, kana_ = 2;
        return (cls & (kKanji | kKana)) != 0;
      case State::kana:
        if (!(cls & kKana) || kana_ >= kMaxKana) return false;
        state_ = State::kana, ++kana_;
        return true;
      case State::none:
        return false;
    }
    return false;
  }
  void reset() { state_ = State::none; }

 private:
  enum class State { none, digits, ka, kana };
  static constexpr int kMaxKana = 4;
  State state_ = State::none;
  int kana_ = 0;
};

// Never broken, not even inside a word wider than the line.
bool kinsoku(unsigned prev, unsigned next) { return (prev & kNoBreakAfter) || (next & kNoBreakBefore); }

// Kept together unless the unit is wider than the line.
bool glued(unsigned prev, unsigned next, bool in_number) {
  return (prev & next & kWord) || (prev & next & kInseparable) || ((prev & kNumberPrefix) && (next & kDigit)) || in_number;
}

}  // namespace

NextLine next_line(std::string_view text, std::size_t begin, float max_width, GlyphAdvance advance) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  float width = 0;                 // of the line so far, spaces included
  bool has_char = false;           // something other than spaces is on the line
  unsigned prev = 0;               // class of the last such character
  std::size_t space_begin = none;  // where the run of spaces before the current character starts
  float width_before_space = 0;
  NumberTail number;
  NextLine best{}, fallback{};  // the last break the rules allow; the last inside a word (kinsoku still holds)
  bool has_best = false, has_fallback = false;

  const auto line_before = [&](std::size_t pos) {
    return space_begin == none ? Line{begin, pos, width} : Line{begin, space_begin, width_before_space};
  };
  std::size_t pos = begin;
  while (pos < n) {
    char32_t c;
    const std::size_t len = decode(s, n, pos, c);
    if (c == '\n') return {line_before(pos), pos + 1};
    if (c == '\r') {  // drawn as nothing
      pos += len;
      continue;
    }
    const unsigned cls = classify(c);
    if (cls & kSpace) {
      if (space_begin == none) space_begin = pos, width_before_space = width;
      width += advance.advance(advance.context, c);
      number.reset();
      pos += len;
      continue;
    }
    const bool in_number = !(cls & kCombining) && number.take(cls);
    if (has_char && !(cls & kCombining) && !kinsoku(prev, cls)) {
      if (space_begin != none || !glued(prev, cls, in_number))
        best = {line_before(pos), pos}, has_best = true;
      else
        fallback = {line_before(pos), pos}, has_fallback = true;
    }
    const float w = advance.advance(advance.context, c);
    if (has_char && width + w > max_width)
      return has_best ? best : has_fallback ? fallback : NextLine{line_before(pos), pos};
    width += w;
    has_char = true;
    space_begin = none;
    if (!(cls & kCombining)) prev = cls;
    pos += len;
  }
  return {line_before(n), n};
}

}  // namespace madoguchi
