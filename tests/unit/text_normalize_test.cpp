// Normalisation of what residents type: width, kana, hyphen lookalikes and spaces, as an IME produces them.
#include <catch2/catch.hpp>

#include "core/text_normalize.hpp"

using namespace madoguchi;

TEST_CASE("full-width ASCII becomes half-width and nothing else changes", "[forms]") {
  CHECK(to_halfwidth_ascii("ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｊｐ") == "TARO@example.jp");
  CHECK(to_halfwidth_ascii("〒１０５－００１１") == "〒105-0011");
  CHECK(to_halfwidth_ascii("港区芝公園１丁目") == "港区芝公園1丁目");
  CHECK(to_halfwidth_ascii("ｶﾀｶﾅ　ひらがな") == "ｶﾀｶﾅ　ひらがな");  // kana and the ideographic space untouched
}

TEST_CASE("half-width katakana becomes full-width with voiced marks joined", "[forms]") {
  CHECK(halfwidth_kana_to_fullwidth("ﾔﾏﾀﾞ ﾀﾛｳ") == "ヤマダ タロウ");
  CHECK(halfwidth_kana_to_fullwidth("ｶﾞｷﾞｸﾞｹﾞｺﾞ ｻﾞｼﾞｽﾞｾﾞｿﾞ ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ") == "ガギグゲゴ ザジズゼゾ ダヂヅデド");
  CHECK(halfwidth_kana_to_fullwidth("ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ") == "バビブベボ パピプペポ");
  CHECK(halfwidth_kana_to_fullwidth("ｳﾞｨｰｹﾞﾝ") == "ヴィーゲン");
  CHECK(halfwidth_kana_to_fullwidth("ｺｰﾎﾟｷｬｯｽﾙ､｢ｱ｣｡") == "コーポキャッスル、「ア」。");
  CHECK(halfwidth_kana_to_fullwidth("ｱﾞ ﾞ") == "ア゛ ゛");  // no voiced ア: the mark stays visible
  CHECK(halfwidth_kana_to_fullwidth("ｶﾟ") == "カ゜");
}

TEST_CASE("hiragana becomes katakana", "[forms]") {
  CHECK(hiragana_to_katakana("やまだ　たろう") == "ヤマダ　タロウ");
  CHECK(hiragana_to_katakana("ぁゔゖゝゞー漢字ABC") == "ァヴヶヽヾー漢字ABC");
}

TEST_CASE("hyphen lookalikes become '-' but katakana keeps its long-vowel mark", "[forms]") {
  CHECK(normalize_hyphens("1‐2‑3–4—5―6−7－8﹣9") == "1-2-3-4-5-6-7-8-9");
  CHECK(normalize_hyphens("芝公園1ー2ー3") == "芝公園1-2-3");
  CHECK(normalize_hyphens("０９０ー１２３４ｰ５６７８") == "０９０-１２３４-５６７８");
  CHECK(normalize_hyphens("コーポ101") == "コーポ101");
  CHECK(normalize_hyphens("ルー10") == "ルー10");    // after a katakana
  CHECK(normalize_hyphens("10ーA") == "10ーA");      // before a letter
  CHECK(normalize_hyphens("スーパー") == "スーパー");
  CHECK(normalize_hyphens("ﾙｰ1") == "ﾙｰ1");
}

TEST_CASE("spaces of both widths are trimmed and collapsed", "[forms]") {
  CHECK(collapse_spaces("　 山田 　　太郎\t ") == "山田 太郎");
  CHECK(collapse_spaces("山田  太郎", "\u3000") == "山田　太郎");
  CHECK(collapse_spaces(" 　 ").empty());
}

TEST_CASE("broken UTF-8 becomes U+FFFD instead of being dropped", "[forms]") {
  CHECK(decode_utf8("a\xff") == U"a\uFFFD");
  CHECK(decode_utf8("\xC0\xAF") == U"\uFFFD\uFFFD");  // an overlong '/'
  CHECK(encode_utf8(decode_utf8("令和🎌")) == "令和🎌");
}
