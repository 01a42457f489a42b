// Japanese line breaking on fixed-width characters (one unit each), so each expected line can be counted by
// eye; then every Japanese text of the catalog and the messages at phone widths against the rules.
#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/line_breaking.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

namespace {

float one_unit(const void*, char32_t) { return 1.0f; }
// Close to a proportional Japanese font: ideographs and kana one em, Latin half.
float half_for_latin(const void*, char32_t c) { return c < 0x2E80 ? 0.5f : 1.0f; }

std::vector<std::string> lines(std::string_view text, float width, GlyphAdvance advance = {one_unit, nullptr}) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  do {
    const NextLine n = next_line(text, pos, width, advance);
    out.emplace_back(text.substr(n.line.begin, n.line.end - n.line.begin));
    REQUIRE((n.next > pos || text.empty()));
    pos = n.next;
  } while (pos < text.size());
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a number keeps its counter: 14日 never breaks as 1 / 4日", "[line-breaking]") {
  CHECK(lines("申請は14日以内です", 4) == Lines{"申請は", "14日以", "内です"});
  CHECK(lines("3か月以内", 3) == Lines{"3か月", "以内"});
  CHECK(lines("3ヶ月以内", 3) == Lines{"3ヶ月", "以内"});
  CHECK(lines("費用は1万円です", 5) == Lines{"費用は", "1万円です"});
  CHECK(lines("法の第22条", 4) == Lines{"法の", "第22条"});
  CHECK(lines("手数料は300円です", 6) == Lines{"手数料は", "300円です"});
  CHECK(lines("対象は２人です", 4) == Lines{"対象は", "２人です"});  // full-width digits too
  CHECK(lines("割合は50%です", 5) == Lines{"割合は", "50%です"});
  // やさしい日本語 writes counters in kana.
  CHECK(lines("4がつ14にちまでに", 6) == Lines{"4がつ", "14にちまで", "に"});
}

TEST_CASE("no line ends with an opening bracket or starts with a closing one", "[line-breaking]") {
  CHECK(lines("「転入届」を出す", 3) == Lines{"「転入", "届」を", "出す"});
  CHECK(lines("お知らせ「転入」", 5) == Lines{"お知らせ", "「転入」"});
  CHECK(lines("出生届（原本）を出す", 4) == Lines{"出生届", "（原本）", "を出す"});
  CHECK(lines("申請書(PDF)をダウンロード", 5) == Lines{"申請書", "(PDF)", "をダウン", "ロード"});
}

TEST_CASE("a 。 or 、 that would start a line takes the character before it along", "[line-breaking]") {
  CHECK(lines("届け出ます。次に", 5) == Lines{"届け出ま", "す。次に"});
  CHECK(lines("はい、いいえ", 2) == Lines{"は", "い、", "いい", "え"});
  CHECK(lines("窓口へ。", 3) == Lines{"窓口", "へ。"});
}

TEST_CASE("small kana, ー and iteration marks never start a line", "[line-breaking]") {
  CHECK(lines("あしたきょう", 4) == Lines{"あした", "きょう"});
  CHECK(lines("コンピューター", 4) == Lines{"コン", "ピュー", "ター"});
  CHECK(lines("人々が来る", 2) == Lines{"人々", "が来", "る"});
}

TEST_CASE("Latin text breaks at spaces only", "[line-breaking]") {
  CHECK(lines("Bring your residence card", 12) == Lines{"Bring your", "residence", "card"});
  CHECK(lines("Note: bring it.", 6) == Lines{"Note:", "bring", "it."});
  CHECK(lines("don’t forget", 6) == Lines{"don’t", "forget"});
  CHECK(lines("Phường Bến Nghé", 7) == Lines{"Phường", "Bến", "Nghé"});  // Vietnamese: letters beyond ASCII
  CHECK(lines("주민등록 신고", 4) == Lines{"주민등록", "신고"});           // Korean keeps its words
}

TEST_CASE("a word wider than the line is cut where it overflows", "[line-breaking]") {
  CHECK(lines("see https://example.jp/a", 8) == Lines{"see", "https://", "example.", "jp/a"});
  CHECK(lines("abcdefgh", 3) == Lines{"abc", "def", "gh"});
  CHECK(lines("abcdefgh）。", 9) == Lines{"abcdefg", "h）。"});  // cut inside the word, not before the 。
  CHECK(lines("x", 0) == Lines{"x"});  // a line always holds one character
}

TEST_CASE("Japanese and Latin mixed break at their boundaries", "[line-breaking]") {
  CHECK(lines("在留カードはResidence Cardです", 12) == Lines{"在留カードは", "Residence", "Cardです"});
  CHECK(lines("125cc以下のバイク", 6, {half_for_latin, nullptr}) == Lines{"125cc以下の", "バイク"});
}

TEST_CASE("spaces at a break are dropped, newlines force a break, widths leave trailing spaces out", "[line-breaking]") {
  const NextLine first = next_line("ab   cd", 0, 3, {one_unit, nullptr});
  CHECK(first.line.end == 2);
  CHECK(first.line.width == 2);
  CHECK(first.next == 5);
  CHECK(lines("一行目\n二行目", 20) == Lines{"一行目", "二行目"});
  CHECK(lines("一\n\n二", 20) == Lines{"一", "", "二"});
  CHECK(lines("最後に改行\n", 20) == Lines{"最後に改行"});
  CHECK(lines("  字下げ", 20) == Lines{"  字下げ"});
  CHECK(lines("", 20) == Lines{""});
  CHECK(lines("\xff\xfe", 1) == Lines{"\xff", "\xfe"});  // malformed bytes still make progress
}

namespace {

// Every string under a "ja" or "ja-x-easy" key of the catalog, and every message of the Japanese catalogs.
void collect_japanese(const boost::json::value& v, bool japanese, std::vector<std::string>& out) {
  if (v.is_string()) {
    if (japanese) out.emplace_back(v.as_string());
  } else if (v.is_array()) {
    for (const auto& e : v.as_array()) collect_japanese(e, japanese, out);
  } else if (v.is_object()) {
    for (const auto& [k, e] : v.as_object()) collect_japanese(e, japanese || k == "ja" || k == "ja-x-easy", out);
  }
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += len;
  }
  return out;
}

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }

}  // namespace

TEST_CASE("every Japanese text of the catalog and the UI follows the rules at phone widths", "[line-breaking]") {
  std::vector<std::string> texts;
  for (const auto& f : fixtures::real_catalog_files()) collect_japanese(boost::json::parse(f.text), false, texts);
  for (const char* lang : {"ja", "ja-x-easy"}) {
    const std::string path = std::string(MADOGUCHI_SOURCE_DIR) + "/i18n/" + lang + ".json";
    collect_japanese(boost::json::parse(fixtures::read_file(path)).at("messages"), true, texts);
  }
  REQUIRE(texts.size() > 500);

  const std::u32string never_first = U"。、，．」』）］｝〕〉》】・：；？！ゝゞーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
  const std::u32string never_last = U"「『（［｛〔〈《【";
  const std::u32string counters = U"日月年円件人歳時分%";
  std::size_t line_count = 0;
  // From a 360 px phone at 200 % text (9.6 em) to a 430 px phone at 100 % (23 em); the widest unbreakable
  // unit of the texts, "taro@example.jp）。", is 9.5 em.
  for (float width = 9.5f; width <= 24; width += 0.5f) {
    for (const auto& text : texts) {
      const auto all = lines(text, width, {half_for_latin, nullptr});
      for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        const std::u32string a = code_points(all[i]), b = code_points(all[i + 1]);
        if (a.empty() || b.empty()) continue;
        INFO(text << "\nwidth " << width << ": [" << all[i] << "] / [" << all[i + 1] << "]");
        CHECK(never_first.find(b.front()) == std::u32string::npos);
        CHECK(never_last.find(a.back()) == std::u32string::npos);
        CHECK_FALSE((is_digit(a.back()) && (is_digit(b.front()) || counters.find(b.front()) != std::u32string::npos)));
        CHECK_FALSE((is_ascii_alnum(a.back()) && is_ascii_alnum(b.front())));
        ++line_count;
      }
    }
  }
  INFO(line_count << " line breaks checked");
  CHECK(line_count > 10000);
}
