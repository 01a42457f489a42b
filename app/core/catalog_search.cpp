// Two ways to match, both substring: the text as written (kanji, English, kana) and its sound, so a
// romaji query meets a kana reading. Folding long vowels and doubled letters makes the sound key loose
// on purpose: a resident rarely knows the Hepburn spelling of ちゅう.
#include "catalog_search.hpp"

#include <algorithm>
#include <array>

#include "text_normalize.hpp"

namespace madoguchi {
namespace {

bool is_katakana(char32_t c) { return c >= 0x30A1 && c <= 0x30FC; }
bool is_ascii_letter(char32_t c) { return c >= 'a' && c <= 'z'; }
bool is_vowel(char c) { return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'; }

// Spaces, the ASCII punctuation and the Japanese brackets and marks a title may hold.
bool is_ignored(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  static constexpr std::u32string_view kMarks = U"\u3000・、。「」『』（）【】〜～／";
  return kMarks.find(c) != std::u32string_view::npos;
}

// Hepburn for each katakana from ァ (U+30A1) to ヶ (U+30F6); "" for the small ッ, folded away.
constexpr std::array<const char*, 0x30F7 - 0x30A1> kKana = {
    "a",  "a",  "i",  "i",  "u",  "u",   "e",  "e",  "o",  "o",  "ka", "ga", "ki", "gi", "ku", "gu", "ke",
    "ge", "ko", "go", "sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", "ta", "da", "chi", "ji",
    "",   "tsu", "zu", "te", "de", "to", "do", "na", "ni", "nu", "ne", "no", "ha", "ba", "pa", "hi", "bi",
    "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po", "ma", "mi", "mu", "me", "mo", "ya", "ya",
    "yu", "yu", "yo", "yo", "ra", "ri", "ru", "re", "ro", "wa", "wa", "i",  "e",  "o",  "n",  "vu", "ka", "ke"};

bool is_small_y(char32_t c) { return c == U'ャ' || c == U'ュ' || c == U'ョ'; }
bool is_small_vowel(char32_t c) { return c == U'ァ' || c == U'ィ' || c == U'ゥ' || c == U'ェ' || c == U'ォ'; }

std::string kana_romaji(std::u32string_view kana) {
  std::string out;
  for (std::size_t i = 0; i < kana.size(); ++i) {
    const char32_t c = kana[i];
    if (c == U'ー' || c >= 0x30F7) continue;  // a long vowel is folded anyway
    std::string syllable = kKana[c - 0x30A1];
    const char32_t next = i + 1 < kana.size() ? kana[i + 1] : 0;
    if (!syllable.empty() && syllable.back() == 'i' && syllable.size() > 1 && is_small_y(next)) {
      // キャ kya, シャ sha, チャ cha, ジャ ja
      const bool soft = syllable == "shi" || syllable == "chi" || syllable == "ji";
      syllable.pop_back();
      if (!soft) syllable += 'y';
      syllable += kKana[next - 0x30A1][1];
      ++i;
    } else if (syllable.size() > 1 && is_small_vowel(next)) {  // ファ fa, ティ ti
      syllable.back() = kKana[next - 0x30A1][0];
      ++i;
    }
    out += syllable;
  }
  return out;
}

// Romaji as typed, syllable by syllable, in Hepburn: si → shi, tu → tsu, hu → fu, zi → ji, tya → cha.
std::string canonical_romaji(std::string_view r) {
  std::string out;
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return k < r.size() ? r[k] : '\0'; };
  while (i < r.size()) {
    const char c = r[i];
    if (is_vowel(c)) {
      out += c;
      ++i;
      continue;
    }
    if (c == 'n' && !is_vowel(at(i + 1)) && at(i + 1) != 'y') {  // ン: n, nn, n'
      out += 'n';
      i += at(i + 1) == 'n' && !is_vowel(at(i + 2)) && at(i + 2) != 'y' ? 2 : 1;
      continue;
    }
    if (c == 'm' && (at(i + 1) == 'b' || at(i + 1) == 'p' || at(i + 1) == 'm')) {  // shimbun
      out += 'n';
      ++i;
      continue;
    }
    std::string_view onset = r.substr(i, 1);
    std::size_t j = i + 1;
    if ((c == 's' || c == 'c' || c == 't') && at(j) == (c == 't' ? 's' : 'h')) {
      onset = c == 's' ? "sh" : c == 'c' ? "ch" : "ts";
      ++j;
    }
    const bool glide = at(j) == 'y' && onset.size() == 1;
    if (glide) ++j;
    const char v = at(j);
    if (!is_vowel(v)) {  // a doubled consonant (っ), or a letter no syllable starts with
      out += c;
      ++i;
      continue;
    }
    // Kunrei and other spellings to Hepburn; sh, ch and j take no glide (sya → sha).
    const bool palatal = glide || v == 'i';
    if (onset == "s" && palatal) onset = "sh";
    else if ((onset == "t" || onset == "c") && palatal) onset = "ch";
    else if ((onset == "z" || onset == "j" || onset == "d") && palatal) onset = "j";
    else if (onset == "t" && v == 'u') onset = "ts";
    else if (onset == "h" && v == 'u') onset = "f";
    else if (onset == "d" && v == 'u') onset = "z";
    out += onset;
    if (glide && onset != "sh" && onset != "ch" && onset != "j") out += 'y';
    out += v;
    i = j + 1;
  }
  return out;
}

// Long vowels and doubled letters folded: tennyuu → tenyu, toukyou → tokyo.
std::string fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool letter = c >= 'a' && c <= 'z';  // never a byte of a kanji's UTF-8
    if (letter && !out.empty() && out.back() == c) continue;
    if (c == 'u' && !out.empty() && out.back() == 'o') continue;
    out += c;
  }
  return out;
}

// How well `query` matches an item: 3 its title starts with it, 2 a title contains it, 1 a reading or
// word does, 0 not at all.
int score(const std::vector<std::string>& titles, const std::vector<std::string>& terms, const std::string& written,
          const std::string& sound) {
  int best = 0;
  for (std::size_t i = 0; i < titles.size() + terms.size(); ++i) {
    const bool title = i < titles.size();
    const std::string& text = title ? titles[i] : terms[i - titles.size()];
    const std::string form = search_form(text);
    const std::size_t at = form.find(written);
    int s = 0;
    if (at != std::string::npos) s = title ? (at == 0 ? 3 : 2) : 1;
    else if (!sound.empty() && sound_key(text).find(sound) != std::string::npos) s = 1;
    best = std::max(best, s);
  }
  return best;
}

std::vector<std::string> titles_of(const LocalizedText& title, const std::vector<std::string>& languages,
                                   std::string_view language) {
  std::vector<std::string> out{title.in(language)};
  for (const auto& l : languages)
    if (l != language) out.push_back(title.in(l));
  return out;
}

}  // namespace

bool long_enough(std::string_view written) {
  const std::u32string s = decode_utf8(written);
  return s.size() >= 2 || (s.size() == 1 && s[0] >= 0x3400);  // one kanji says a lot: 犬, 税
}

std::string search_form(std::string_view text) {
  const std::u32string s = decode_utf8(hiragana_to_katakana(halfwidth_kana_to_fullwidth(to_halfwidth_ascii(text))));
  std::u32string out;
  for (char32_t c : s) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (!is_ignored(c)) out += c;
  }
  return encode_utf8(out);
}

std::string sound_key(std::string_view text) {
  const std::u32string s = decode_utf8(search_form(text));
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    if (is_katakana(s[i])) {
      while (j < s.size() && is_katakana(s[j])) ++j;
      out += kana_romaji(std::u32string_view(s).substr(i, j - i));
    } else if (is_ascii_letter(s[i])) {
      while (j < s.size() && is_ascii_letter(s[j])) ++j;
      out += canonical_romaji(encode_utf8(s.substr(i, j - i)));
    } else {
      out += encode_utf8(s.substr(i, 1));
      j = i + 1;
    }
    i = j;
  }
  return fold(out);
}

std::vector<SearchHit> search_catalog(const Catalog& catalog, std::string_view query, std::string_view language) {
  const std::string written = search_form(query);
  if (!long_enough(written)) return {};
  const std::string sound = sound_key(query);
  std::vector<std::pair<int, SearchHit>> events, procedures;
  for (const auto& e : catalog.events)
    if (int s = score(titles_of(e.title, catalog.languages, language), e.search_terms, written, sound))
      events.push_back({s, SearchHit{SearchHit::Kind::Event, e.id, e.id}});
  for (const auto& e : catalog.events) {
    for (const auto& listed : e.procedures) {
      const Procedure* p = catalog.find_procedure(listed.procedure_id);
      const bool seen = std::any_of(procedures.begin(), procedures.end(),
                                    [&](const auto& hit) { return hit.second.id == listed.procedure_id; });
      if (!p || seen) continue;
      if (int s = score(titles_of(p->title, catalog.languages, language), p->search_terms, written, sound))
        procedures.push_back({s, SearchHit{SearchHit::Kind::Procedure, p->id, e.id}});
    }
  }
  const auto by_score = [](const auto& a, const auto& b) { return a.first > b.first; };
  std::stable_sort(events.begin(), events.end(), by_score);
  std::stable_sort(procedures.begin(), procedures.end(), by_score);
  std::vector<SearchHit> out;
  for (auto& [s, hit] : events) out.push_back(std::move(hit));
  for (auto& [s, hit] : procedures) out.push_back(std::move(hit));
  return out;
}

}  // namespace madoguchi
