// Home's part of the catalog, which the first frame waits for instead of the whole: home drawn and
// searched from it is home drawn and searched from the whole; past home, a screen waits for the whole.
#include <catch2/catch.hpp>

#include "core/catalog_home.hpp"
#include "core/catalog_search.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

Catalog home_part() {
  CatalogLoad load = load_catalog_bundle(make_home_bundle(fixtures::real_catalog_files()));
  for (const auto& p : load.problems) INFO(p.to_string());
  REQUIRE(load.problems.empty());
  return *load.catalog;
}

// What a screen reader finds on the screen, in order.
std::vector<std::string> mirrored(const ui::SemanticTree& tree) {
  std::vector<std::string> out;
  for (const auto& n : tree.nodes())
    out.push_back(std::to_string(static_cast<int>(n.role)) + " " + n.name + " / " + n.description);
  return out;
}

}  // namespace

TEST_CASE("home's part of the catalog holds what home shows and is a small part of the whole", "[catalog-home]") {
  const auto files = fixtures::real_catalog_files();
  const Catalog whole = *load_catalog(files).catalog;
  const Catalog home = home_part();
  CHECK(home.home_only);
  CHECK_FALSE(whole.home_only);
  CHECK(home.ward.by_language == whole.ward.by_language);
  CHECK(home.languages == whole.languages);
  REQUIRE(home.events.size() == whole.events.size());
  for (std::size_t i = 0; i < whole.events.size(); ++i) {
    const LifeEvent& h = home.events[i];
    const LifeEvent& w = whole.events[i];
    INFO(w.id);
    CHECK(h.id == w.id);
    CHECK(h.title.by_language == w.title.by_language);
    CHECK(h.summary.by_language == w.summary.by_language);
    CHECK(h.search_terms == w.search_terms);
    CHECK(h.questions.empty());
    REQUIRE(h.procedures.size() == w.procedures.size());
    for (std::size_t j = 0; j < w.procedures.size(); ++j) CHECK(h.procedures[j].procedure_id == w.procedures[j].procedure_id);
  }
  REQUIRE(home.procedures.size() == whole.procedures.size());
  for (const auto& [id, p] : whole.procedures) {
    INFO(id);
    const Procedure* h = home.find_procedure(id);
    REQUIRE(h);
    CHECK(h->title.by_language == p.title.by_language);
    CHECK(h->search_terms == p.search_terms);
    CHECK_FALSE(h->form);
  }
  CHECK(make_home_bundle(files).size() * 10 < make_catalog_bundle(files).size());
}

TEST_CASE("a search on home's part finds what the whole catalog finds", "[catalog-home]") {
  const Catalog whole = *load_catalog(fixtures::real_catalog_files()).catalog;
  const Catalog home = home_part();
  std::size_t found = 0;
  for (const char* query : {"転入", "てんにゅう", "tennyu", "ひっこし", "児童手当", "jidouteate", "犬", "nenkin", "moving", "death",
                            "child", "国民健康保険", "ｺｸﾎ", "介護", "marriage", "印鑑"})
    for (const char* lang : {"ja", "en", "ja-x-easy"}) {
      INFO(query << " in " << lang);
      const auto a = search_catalog(whole, query, lang);
      const auto b = search_catalog(home, query, lang);
      REQUIRE(a.size() == b.size());
      found += a.size();
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].id == b[i].id);
        CHECK(a[i].event_id == b[i].event_id);
      }
    }
  CHECK(found > 40);
}

TEST_CASE("home drawn from home's part is home drawn from the whole catalog, with and without a search", "[catalog-home]") {
  Portal whole, home;
  home.catalog = home_part();
  for (const char* lang : {"ja", "en", "ja-x-easy"})
    for (const char* query : {"", "tennyu", "child"}) {
      INFO(lang << " " << query);
      for (Portal* p : {&whole, &home}) {
        p->nav.language = lang;
        p->nav.search = query;
        p->frame();
        p->frame();
      }
      CHECK(mirrored(home.tree) == mirrored(whole.tree));
    }
}

TEST_CASE("past home, a screen waits for the whole catalog, says when it could not come, and asks again", "[catalog-home]") {
  Portal p;
  const auto ja = [&p](const char* key) { return std::string(p.messages.get("ja", key)); };
  p.catalog = home_part();
  p.past_home = ui::PastHome::Loading;
  p.frame();
  const std::string birth_title = p.catalog.find_event("birth")->title.in("ja");
  p.activate(Role::Button, birth_title);
  CHECK(p.nav.current.screen == Screen::Event);
  CHECK(find(p.tree, Role::Heading, ja("loading.heading")));
  CHECK(find(p.tree, Role::Status, ja("loading.wait")));
  CHECK_FALSE(find(p.tree, Role::Heading, birth_title));
  CHECK_FALSE(find(p.tree, Role::Button, ja("loading.retry")));

  // The display settings need no catalog.
  p.activate(Role::Button, ja("nav.back"));
  CHECK(p.nav.current.screen == Screen::Home);
  p.activate(Role::Link, ja("settings.open"));
  CHECK(p.nav.current.screen == Screen::Settings);
  CHECK_FALSE(find(p.tree, Role::Heading, ja("loading.heading")));
  p.activate(Role::Button, ja("nav.back"));

  p.past_home = ui::PastHome::Failed;
  p.activate(Role::Button, birth_title);
  CHECK(find(p.tree, Role::Heading, ja("loading.failed_heading")));
  CHECK(find(p.tree, Role::Alert, ja("loading.failed")));
  const auto* retry = find(p.tree, Role::Button, ja("loading.retry"));
  REQUIRE(retry);
  p.tree.request_activation(retry->id);
  const auto actions = p.frame();
  CHECK(std::any_of(actions.begin(), actions.end(), [](const Action& a) { return std::holds_alternative<RetryLoading>(a); }));

  p.catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  p.past_home = ui::PastHome::Ready;
  p.frame();
  p.frame();
  CHECK(find(p.tree, Role::Heading, birth_title));
}
