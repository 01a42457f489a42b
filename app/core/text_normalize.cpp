// Code-point level rewrites over a small UTF-8 decoder and encoder; tables follow Unicode's
// half-width/full-width mappings (the same ones NFKC applies, without NFKC's other changes).
#include "text_normalize.hpp"

#include <iterator>

namespace madoguchi {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Full-width forms of the half-width katakana block U+FF61 (｡) to U+FF9D (ﾝ), in order.
constexpr char32_t kHalfwidthKana[] = {
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2,                          // ｡｢｣､･ｦ
    0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,  // ｧｨｩｪｫｬｭｮｯ
    0x30FC,                                                                  // ｰ
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,                                  // ｱｲｳｴｵ
    0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,                                  // ｶｷｸｹｺ
    0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,                                  // ｻｼｽｾｿ
    0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,                                  // ﾀﾁﾂﾃﾄ
    0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,                                  // ﾅﾆﾇﾈﾉ
    0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,                                  // ﾊﾋﾌﾍﾎ
    0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2,                                  // ﾏﾐﾑﾒﾓ
    0x30E4, 0x30E6, 0x30E8,                                                  // ﾔﾕﾖ
    0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED,                                  // ﾗﾘﾙﾚﾛ
    0x30EF, 0x30F3,                                                          // ﾜﾝ
};
static_assert(std::size(kHalfwidthKana) == 0xFF9D - 0xFF61 + 1);

constexpr char32_t kVoicedMark = 0xFF9E, kSemiVoicedMark = 0xFF9F;

bool is_ha_to_ho(char32_t c) { return c >= 0x30CF && c <= 0x30DB && (c - 0x30CF) % 3 == 0; }  // ハヒフヘホ

// The voiced form of a full-width katakana, or 0 if it has none. In カ..ト and ハ..ホ the voiced form is
// the next code point (the row alternates plain/voiced, ハ rows plain/voiced/semi-voiced).
char32_t voiced(char32_t c) {
  if (c >= 0x30AB && c <= 0x30C1 && (c - 0x30AB) % 2 == 0) return c + 1;  // カ..チ: even offsets are plain
  if (c >= 0x30C4 && c <= 0x30C8 && (c - 0x30C4) % 2 == 0) return c + 1;     // ツテト
  if (is_ha_to_ho(c)) return c + 1;
  if (c == 0x30A6) return 0x30F4;  // ウ → ヴ
  if (c == 0x30EF) return 0x30F7;  // ワ → ヷ
  if (c == 0x30F2) return 0x30FA;  // ヲ → ヺ
  return 0;
}

bool is_hyphen_dash(char32_t c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

bool is_long_vowel_mark(char32_t c) { return c == 0x30FC || c == 0xFF70; }

}  // namespace

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    int length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      out += kReplacement;
      ++i;
      continue;
    }
    char32_t c = length == 1 ? b0 : length == 2 ? (b0 & 0x1F) : length == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    bool ok = true;
    for (int k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || c < kMinimum[length] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
      out += kReplacement;
      ++i;
      continue;
    }
    out += c;
    i += length;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }
bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_digit_any_width(char32_t c) { return is_ascii_digit(c) || (c >= 0xFF10 && c <= 0xFF19); }

std::string to_halfwidth_ascii(std::string_view text) {
  std::u32string s = decode_utf8(text);
  for (char32_t& c : s)
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
  return encode_utf8(s);
}

std::string halfwidth_kana_to_fullwidth(std::string_view text) {
  const std::u32string in = decode_utf8(text);
  std::u32string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (c >= 0xFF61 && c <= 0xFF9D) {
      const char32_t full = kHalfwidthKana[c - 0xFF61];
      const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
      if (next == kVoicedMark && voiced(full) != 0) {
        out += voiced(full);
        ++i;
      } else if (next == kSemiVoicedMark && is_ha_to_ho(full)) {
        out += full + 2;
        ++i;
      } else {
        out += full;
      }
    } else if (c == kVoicedMark) {
      out += 0x309B;  // ゛ on its own
    } else if (c == kSemiVoicedMark) {
      out += 0x309C;  // ゜ on its own
    } else {
      out += c;
    }
  }
  return encode_utf8(out);
}

std::string hiragana_to_katakana(std::string_view text) {
  std::u32string s = decode_utf8(text);
  for (char32_t& c : s)
    if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E) c += 0x60;
  return encode_utf8(s);
}

std::string normalize_hyphens(std::string_view text) {
  std::u32string s = decode_utf8(text);
  const std::u32string original = s;  // neighbours are judged on what was typed, not on earlier rewrites
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_hyphen_dash(s[i])) {
      s[i] = U'-';
    } else if (is_long_vowel_mark(s[i]) && i > 0 && i + 1 < s.size() && is_digit_any_width(original[i - 1]) &&
               is_digit_any_width(original[i + 1])) {
      s[i] = U'-';
    }
  }
  return encode_utf8(s);
}

std::string collapse_spaces(std::string_view text, std::string_view separator) {
  const std::u32string s = decode_utf8(text);
  const std::u32string sep = decode_utf8(separator);
  std::u32string out;
  bool pending = false;
  for (char32_t c : s) {
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += sep;
    pending = false;
    out += c;
  }
  return encode_utf8(out);
}

}  // namespace madoguchi
