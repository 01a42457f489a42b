// A long form asked a page at a time, as a resident on a phone meets it: the 転入届's pages, each "continue"
// checking only its page, the pages the answers skip, back stepping a page, a rule across pages, and a
// change from "check your answers" returning to it.
#include <catch2/catch.hpp>

#include "core/form_pages.hpp"
#include "core/route_url.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

struct TennyuPortal : Portal {
  TennyuPortal() {
    nav.current = Route{Screen::Event, "moving-in", {}};
    frame();
    activate(Role::Button, "転入届を来庁前に入力して送る");
  }

  const FormDraft& draft() { return nav.drafts["tennyu-todoke"]; }

  bool shows(Role role, const std::string& name) { return find(tree, role, name) != nullptr; }

  void fill_first_page() {
    activate(Role::Radio, "日本国内の他の市区町村");
    type("新しい住所", "東京都千代田区九段南1-2-1");
    type("転入日（新しい住所に住み始めた日）", "2026-03-18");
  }

  void fill_to_review() {
    fill_first_page();
    activate(Role::Button, "次へ");
    type("前の住所", "大阪府大阪市北区中之島1-3-20");
    type("転出予定日", "2026-03-10");
    activate(Role::Button, "次へ");
    activate(Role::Radio, "新しく世帯をつくる");
    type("新しい住所での世帯主", "山田 太郎");
    activate(Role::Button, "次へ");
    activate(Role::Button, "引っ越してきた人を追加する");
    type("氏名", "山田 太郎");
    type("フリガナ", "ヤマダ タロウ");
    type("生年月日", "1990-07-04");
    activate(Role::Radio, "男");
    activate(Role::Radio, "世帯主（本人）");
    activate(Role::Button, "次へ");
    type("届出人（窓口に来る人）", "山田 太郎");
    activate(Role::Radio, "引っ越した本人");
    type("日中に連絡がとれる電話番号", "09012345678");
    activate(Role::Button, "次へ（入力内容の確認）");
  }
};

}  // namespace

TEST_CASE("every form of more than nine questions comes in titled pages, a group whole on one", "[form-pages]") {
  const Catalog catalog = *load_catalog(fixtures::real_catalog_files()).catalog;
  for (const auto& [id, procedure] : catalog.procedures) {
    if (!procedure.form) continue;
    INFO(id);
    const auto pages = form_pages(*procedure.form);
    if (procedure.form->fields.size() <= kOnePageFields) continue;
    CHECK(pages.size() >= 2);
    for (const auto& page : pages) {
      REQUIRE(page.title);
      CHECK(page.end > page.first);
      CHECK(page.end - page.first <= 6);
      for (const char* lang : {"ja", "en", "ja-x-easy"}) CHECK_FALSE(page.title->in(lang).empty());
    }
  }
  const FormSpec& tennyu = *catalog.find_procedure("tennyu-todoke")->form;
  CHECK(form_pages(tennyu).size() == 5);
  CHECK(page_of(tennyu, "members[1].birth_date") == 3);
  CHECK(page_of(tennyu, "phone") == 4);
  CHECK(page_to_draw({0, 2, 3}, 1) == 2);  // a page the answers hide: the next one shown
  CHECK(page_to_draw({0, 2, 3}, 9) == 3);
}

TEST_CASE("a long form's continue checks only its page, then the next page opens without errors", "[form-pages]") {
  TennyuPortal p;
  CHECK(p.shows(Role::Heading, "引っ越し先と引っ越した日"));
  CHECK(p.shows(Role::Text, std::string(p.messages.get("ja", "form.lead_pages"))));
  CHECK(p.shows(Role::Text, "4ページ中1ページ目"));  // the previous address's page waits for "from where"
  CHECK_FALSE(p.shows(Role::TextBox, "日中に連絡がとれる電話番号"));
  p.activate(Role::Button, "次へ");
  CHECK(p.nav.current.page == 0);
  CHECK(p.shows(Role::Alert, "入力内容に3件の問題があります。下の項目を直してください。"));

  p.fill_first_page();
  CHECK(p.shows(Role::Text, "5ページ中1ページ目"));
  CHECK_FALSE(p.shows(Role::Alert, "入力内容に3件の問題があります。下の項目を直してください。"));
  p.activate(Role::Button, "次へ");
  CHECK(p.nav.current.page == 1);
  CHECK(route_fragment(p.nav.current) == "#/event/moving-in/apply/tennyu-todoke/page/2");
  CHECK(p.shows(Role::Heading, "前の住所"));
  CHECK(p.shows(Role::Text, "5ページ中2ページ目"));
  CHECK_FALSE(p.shows(Role::Text, std::string(p.messages.get("ja", "form.lead_pages"))));  // the lead is the first page's
  CHECK(p.shows(Role::TextBox, "前の住所"));
  CHECK_FALSE(p.shows(Role::TextBox, "新しい住所"));
  CHECK_FALSE(p.draft().show_problems);

  p.activate(Role::Button, "戻る");
  CHECK(p.nav.current.page == 0);
  CHECK(find(p.tree, Role::TextBox, "新しい住所")->value == "東京都千代田区九段南1-2-1");
}

TEST_CASE("moving in from abroad skips the previous address's page for the country's", "[form-pages]") {
  TennyuPortal p;
  p.activate(Role::Radio, "国外");
  p.type("新しい住所", "東京都千代田区九段南1-2-1");
  p.type("転入日（新しい住所に住み始めた日）", "2026-03-18");
  p.activate(Role::Button, "次へ");
  CHECK(p.shows(Role::TextBox, "前に住んでいた国・地域"));
  CHECK_FALSE(p.shows(Role::TextBox, "前の住所"));
}

TEST_CASE("a date that breaks a rule with an earlier page sends the resident back there, error shown", "[form-pages]") {
  TennyuPortal p;
  p.fill_first_page();
  p.activate(Role::Button, "次へ");
  p.type("前の住所", "大阪府大阪市北区中之島1-3-20");
  p.type("転出予定日", "2026-03-25");  // after the day they moved in
  p.activate(Role::Button, "次へ");
  CHECK(p.nav.current.page == 0);
  CHECK(p.draft().show_problems);
  CHECK(p.shows(Role::Alert, "入力内容に1件の問題があります。下の項目を直してください。"));
}

TEST_CASE("a change from check your answers opens the page that asks it and comes back to the review",
          "[form-pages]") {
  TennyuPortal p;
  p.fill_to_review();
  REQUIRE(p.nav.current.screen == Screen::Review);
  p.activate(Role::Button, "前の住所を変更");
  CHECK(p.nav.current.screen == Screen::Form);
  CHECK(p.nav.current.page == 1);
  CHECK(p.draft().scroll_to.empty());  // brought into view
  p.type("前の住所", "大阪府大阪市北区中之島1-3-21");
  p.activate(Role::Button, "次へ（入力内容の確認）");
  CHECK(p.nav.current.screen == Screen::Review);
  CHECK(p.shows(Role::Text, "大阪府大阪市北区中之島1-3-21"));
  // The review's back goes to the form's last page, not to the change.
  p.activate(Role::Button, "戻る");
  CHECK(p.nav.current.screen == Screen::Form);
  CHECK(p.nav.current.page == 4);
}

TEST_CASE("check your answers lists a long form's answers under its pages' titles", "[form-pages]") {
  TennyuPortal p;
  p.fill_to_review();
  REQUIRE(p.nav.current.screen == Screen::Review);
  std::vector<std::string> headings;
  for (const auto& n : p.tree.nodes())
    if (n.role == Role::Heading && n.level >= 2) headings.push_back(std::to_string(n.level) + " " + n.name);
  CHECK(headings == std::vector<std::string>{"2 引っ越し先と引っ越した日", "2 前の住所", "2 世帯", "2 引っ越してきた人",
                                             "3 引っ越してきた人（1）", "2 届け出る人と連絡先", "2 この内容で送信します"});
}

TEST_CASE("a draft left half done opens again on the page still missing something", "[form-pages]") {
  TennyuPortal p;
  p.fill_first_page();
  p.activate(Role::Button, "次へ");
  p.type("前の住所", "大阪府大阪市北区中之島1-3-20");
  // Away to the checklist, then back through its button: the second page, where the date is missing.
  p.activate(Role::Button, "戻る");
  p.activate(Role::Button, "戻る");
  REQUIRE(p.nav.current.screen == Screen::Event);
  p.activate(Role::Button, "転入届を来庁前に入力して送る");
  CHECK(p.nav.current.page == 1);
  CHECK(p.shows(Role::Heading, "前の住所"));
  CHECK_FALSE(p.draft().show_problems);  // nothing said wrong before the resident presses continue
}
