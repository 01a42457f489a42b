// Finding a life event or a procedure from the home screen by what a resident types: kanji (転入), kana
// (てんにゅう, テンニュウ, ﾃﾝﾆｭｳ), romaji as people spell it (tennyu, tennyuu, tennnyuu, tenyu) or English.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace madoguchi {

struct SearchHit {
  enum class Kind { Event, Procedure } kind = Kind::Event;
  std::string id;
  std::string event_id;  // a procedure's: the first life event that lists it, where its checklist entry is
};

// Whether a query, in search_form, says enough to search: two characters, or one kanji (犬, 税).
bool long_enough(std::string_view written);

// Events first, then procedures; within each, a title that starts with the query before one that
// contains it, before a match on a reading or word only; catalog order otherwise. Nothing for a query
// that is not long_enough.
std::vector<SearchHit> search_catalog(const Catalog& catalog, std::string_view query, std::string_view language);

// Width, case and kana unified (katakana), spaces and punctuation out: 「Ｔｅｎ・にゅう」 → "tenニュウ".
std::string search_form(std::string_view text);
// One spelling for every way of writing a sound: kana and romaji (Hepburn or kunrei) as Hepburn romaji,
// long vowels, small っ and doubled letters folded: てんにゅう, tennyuu and tennnyu all give "tenyu".
std::string sound_key(std::string_view text);

}  // namespace madoguchi
