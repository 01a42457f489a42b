// Home's search as a resident types it: kanji, kana in any width, romaji as people spell it, English;
// and every event and procedure of the real catalog has the readings that make it findable.
#include <catch2/catch.hpp>

#include "core/catalog_search.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.id);
  return out;
}

bool has(const std::vector<SearchHit>& hits, const std::string& id) {
  const auto all = ids(hits);
  return std::find(all.begin(), all.end(), id) != all.end();
}

}  // namespace

TEST_CASE("kana and every common romaji spelling of a sound give one key", "[search]") {
  const std::string tennyu = sound_key("てんにゅう");
  CHECK(tennyu == "tenyu");
  for (const char* typed : {"テンニュウ", "ﾃﾝﾆｭｳ", "tennyu", "tennyuu", "tennnyuu", "TENNYU", "Ｔｅｎｎｙｕ", "ten'nyu"})
    CHECK(sound_key(typed) == tennyu);
  CHECK(sound_key("しゅっせい") == sound_key("syussei"));
  CHECK(sound_key("ちゅうがっこう") == sound_key("tyuugakkou"));
  CHECK(sound_key("ふよう") == sound_key("huyou"));
  CHECK(sound_key("じどうてあて") == sound_key("zidouteate"));
  CHECK(sound_key("とうきょう") == "tokyo");
  CHECK(sound_key("しんぶん") == sound_key("shimbun"));
  CHECK(sound_key("ファイル") == "fairu");
  CHECK(search_form("「Ｔｅｎ・にゅう」") == "tenニュウ");
}

TEST_CASE("a resident finds moving in by kanji, kana, romaji or English, the event before its procedures", "[search]") {
  Portal p;
  for (const char* typed : {"転入", "てんにゅう", "tennyu", "テンニュウ"}) {
    INFO(typed);
    const auto hits = search_catalog(p.catalog, typed, "ja");
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == "moving-in");
    CHECK(hits[0].kind == SearchHit::Kind::Event);
    CHECK(has(hits, "tennyu-todoke"));
  }
  CHECK(search_catalog(p.catalog, "Moving in", "en")[0].id == "moving-in");
  const auto dog = search_catalog(p.catalog, "犬", "ja");
  REQUIRE(dog.size() == 1);
  CHECK(dog[0].id == "inu-toroku-henko");
  CHECK(dog[0].event_id == "moving-in");  // its checklist entry is there
  CHECK(search_catalog(p.catalog, "い", "ja").empty());  // one kana says too little
  CHECK(search_catalog(p.catalog, "xyzzy", "ja").empty());
  CHECK(has(search_catalog(p.catalog, "jidou teate", "ja"), "jido-teate"));
  CHECK(has(search_catalog(p.catalog, "マイナンバー", "ja"), "mynumber-card-address"));
}

TEST_CASE("every life event and procedure carries readings to be found by", "[search]") {
  Portal p;
  for (const auto& e : p.catalog.events) {
    INFO(e.id);
    CHECK_FALSE(e.search_terms.empty());
    CHECK(search_catalog(p.catalog, e.title.in("ja"), "ja").at(0).id == e.id);
  }
  for (const auto& [id, procedure] : p.catalog.procedures) {
    INFO(id);
    CHECK_FALSE(procedure.search_terms.empty());
    CHECK(has(search_catalog(p.catalog, procedure.search_terms.front(), "ja"), id));
  }
}

TEST_CASE("home's search box lists what it finds above every life event, and opens the event", "[search]") {
  Portal p;
  p.frame();
  const auto* box = find(p.tree, Role::TextBox, "手続きをさがす");
  REQUIRE(box);
  apply(p.nav, SetSearch{"tennyu"});
  p.frame();
  const auto hits = search_catalog(p.catalog, "tennyu", "ja");
  const auto* found = find(p.tree, Role::Heading, "見つかったもの（" + std::to_string(hits.size()) + "件）");
  REQUIRE(found);
  const auto* lead = find(p.tree, Role::Text, std::string(p.messages.get("ja", "home.lead")));
  REQUIRE(lead);
  CHECK(found->y < lead->y);  // the finds first, every event still below
  p.activate(Role::Button, "転入届");
  CHECK(p.nav.current == Route{Screen::Event, "moving-in", {}});
  // The procedure's own entry is brought into view (as high as the page goes), not the top of the event.
  for (int i = 0; i < 3; ++i) p.frame();
  const auto& nodes = p.tree.nodes();
  const auto entry = std::find_if(nodes.begin(), nodes.end(), [](const ui::SemanticNode& n) {
    return n.role == Role::Heading && n.level == 3 && n.name.ends_with("転入届");
  });
  REQUIRE(entry != nodes.end());
  CHECK(entry->y >= 0);
  CHECK(entry->y + entry->h < 844 / 2);
  CHECK(p.nav.checklist_focus.empty());

  apply(p.nav, GoBack{});
  apply(p.nav, SetSearch{"xyzzy"});
  p.frame();
  CHECK(find(p.tree, Role::Text, "「xyzzy」に当てはまる手続きは見つかりませんでした。言葉を変えるか、下の出来事から選んでください。"));
}
