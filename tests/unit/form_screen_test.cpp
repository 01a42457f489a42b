// The application screens as a resident meets them through the mirror: a labelled field per question
// with the right keyboard, typed text landing in the draft, one "continue" that shows an error summary
// linking to each field, "check your answers" with a change button per answer, and sending locked
// while it runs.
#include <catch2/catch.hpp>

#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

// The 国民健康保険 加入 form, opened from the birth event's checklist.
struct FormPortal : Portal {
  FormPortal() {
    nav.current = Route{Screen::Event, "birth", {}};
    apply(nav, AnswerQuestion{"birth", "parents_insurance", "kokuho"});
    frame();
  }
};

}  // namespace

TEST_CASE("an online procedure on the checklist opens its form, with a field per question", "[forms]") {
  FormPortal p;
  p.activate(Role::Button, "国民健康保険の加入をオンラインで申請する");
  REQUIRE(p.nav.current.screen == Screen::Form);
  CHECK(p.nav.current.draft_id == "kokuho-kanyu");
  CHECK(find(p.tree, Role::Heading, "国民健康保険の加入"));
  const auto* phone = find(p.tree, Role::TextBox, "日中に連絡がとれる電話番号");
  REQUIRE(phone);
  CHECK(phone->input_mode == "tel");
  CHECK(phone->autocomplete == "tel");
  CHECK(phone->required);
  CHECK(phone->h >= 44.0f);
  CHECK(find(p.tree, Role::RadioGroup, "加入する理由"));
  // A field shows once the answer it depends on is given.
  CHECK_FALSE(find(p.tree, Role::Checkbox, "会社の倒産や解雇など、会社の都合で仕事をやめた（任意）"));
  p.activate(Role::Radio, "勤務先の健康保険をやめた");
  CHECK(find(p.tree, Role::Checkbox, "会社の倒産や解雇など、会社の都合で仕事をやめた（任意）"));
  CHECK(find(p.tree, Role::TextBox, "前に入っていた健康保険の名前"));
  CHECK(find(p.tree, Role::Button, "加入する人を追加する"));
}

TEST_CASE("typed text lands in the draft and shows in the field", "[forms]") {
  FormPortal p;
  p.activate(Role::Button, "国民健康保険の加入をオンラインで申請する");
  p.type("世帯主の氏名", "山田　太郎");
  CHECK(p.nav.drafts["kokuho-kanyu"].values.get("head_name") == "山田　太郎");
  CHECK(find(p.tree, Role::TextBox, "世帯主の氏名")->value == "山田　太郎");
}

TEST_CASE("continue with problems shows a summary that links to each field, and each field's error", "[forms]") {
  FormPortal p;
  p.activate(Role::Button, "国民健康保険の加入をオンラインで申請する");
  p.type("日中に連絡がとれる電話番号", "03-1234-567");
  p.activate(Role::Button, "次へ（入力内容の確認）");
  CHECK(p.nav.current.screen == Screen::Form);
  const auto* alert = find(p.tree, Role::Alert, "入力内容に6件の問題があります。下の項目を直してください。");
  CHECK(alert);
  const auto* phone = find(p.tree, Role::TextBox, "日中に連絡がとれる電話番号");
  REQUIRE(phone);
  CHECK(phone->invalid);
  CHECK(phone->description.find("エラー：電話番号として読み取れません（数字が9桁です）") != std::string::npos);
  const std::string link = "日中に連絡がとれる電話番号：" + p.messages.format("ja", "form.error.phone.digits", {{"count", "9"}});
  p.activate(Role::Link, link);
  CHECK(p.nav.drafts["kokuho-kanyu"].scroll_to.empty());  // the field was brought into view, once
}

TEST_CASE("a complete form goes to check your answers; change returns to the field; sending locks the screen",
          "[forms]") {
  FormPortal p;
  p.activate(Role::Button, "国民健康保険の加入をオンラインで申請する");
  p.type("世帯主の氏名", "山田 太郎");
  p.type("住所", "東京都千代田区九段南1-2-1");
  p.activate(Role::Radio, "子どもが生まれた");
  p.type("加入することになった日", "令和8年3月15日");
  p.activate(Role::Button, "加入する人を追加する");
  p.type("氏名", "山田 花子");
  p.type("フリガナ", "やまだ はなこ");
  p.type("生年月日", "2026-03-15");
  p.activate(Role::Radio, "女");
  p.activate(Role::Radio, "子");
  p.type("日中に連絡がとれる電話番号", "090-1234-5678");
  p.activate(Role::Button, "次へ（入力内容の確認）");
  REQUIRE(p.nav.current.screen == Screen::Review);
  CHECK(find(p.tree, Role::Heading, "申請内容の確認"));
  CHECK(find(p.tree, Role::Text, "2026年3月15日（日）"));  // the date as read back, normalized
  CHECK(find(p.tree, Role::Text, "ヤマダ　ハナコ"));  // furigana in katakana, a full-width space as on paper
  p.activate(Role::Button, "日中に連絡がとれる電話番号を変更");
  CHECK(p.nav.current.screen == Screen::Form);
  p.activate(Role::Button, "次へ（入力内容の確認）");
  REQUIRE(p.nav.current.screen == Screen::Review);

  p.activate(Role::Button, "送信する");
  CHECK(p.nav.drafts["kokuho-kanyu"].sending == FormDraft::Sending::Sending);
  const auto* sending = find(p.tree, Role::Button, "送信中…");
  REQUIRE(sending);
  CHECK(sending->disabled);
  CHECK_FALSE(find(p.tree, Role::Button, "戻る"));

  apply(p.nav, SubmissionFailed{"kokuho-kanyu", "send.error.no_trusted_key", {}});
  p.frame();
  CHECK(find(p.tree, Role::Alert, std::string(p.messages.get("ja", "send.error.no_trusted_key"))));
  CHECK(p.nav.drafts["kokuho-kanyu"].values.get("phone") == "090-1234-5678");  // nothing typed is lost

  // Offline: sealed and waiting, said plainly, nothing to do.
  apply(p.nav, NetworkChanged{false});
  p.frame();
  CHECK(find(p.tree, Role::Text, std::string(p.messages.get("ja", "review.offline_note"))));
  p.activate(Role::Button, "送信する");
  apply(p.nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-12-06T00:00:00Z"});
  p.frame();
  CHECK(p.nav.current.screen == Screen::Receipt);
  CHECK(find(p.tree, Role::Heading, "送信待ちです"));
  CHECK_FALSE(find(p.tree, Role::Text, std::string(p.messages.get("ja", "outbox.state_waiting"))));  // the lead says it
  CHECK(find(p.tree, Role::Text, std::string(p.messages.get("ja", "net.offline"))));
  CHECK_FALSE(find(p.tree, Role::Button, "今すぐ送る"));  // not while offline

  apply(p.nav, NetworkChanged{true});
  apply(p.nav, SendStarted{"s1"});
  apply(p.nav, SendDeferred{"s1", "send.error.server"});
  p.frame();
  CHECK(find(p.tree, Role::Text, std::string(p.messages.get("ja", "outbox.retry_server"))));
  const auto* send_now = find(p.tree, Role::Button, "今すぐ送る");
  REQUIRE(send_now);
  p.tree.request_activation(send_now->id);
  auto actions = p.frame();
  for (const auto& a : p.frame()) actions.push_back(a);
  CHECK(std::count_if(actions.begin(), actions.end(), [](const Action& a) { return std::holds_alternative<SendNow>(a); }) == 1);

  apply(p.nav, SubmissionSent{"kokuho-kanyu", "7K3M-9QXW-2HPD", "2026-12-06T00:00:05Z", "s1"});
  p.frame();
  CHECK(p.nav.current.screen == Screen::Receipt);
  CHECK(find(p.tree, Role::Heading, "7K3M-9QXW-2HPD"));
  p.activate(Role::Button, "手続きの一覧に戻る");
  CHECK(p.nav.current.screen == Screen::Event);  // not back into the sent form
}

TEST_CASE("answers an older form kept are shown on the form until the resident dismisses them", "[forms]") {
  FormPortal p;
  p.activate(Role::Button, "国民健康保険の加入をオンラインで申請する");
  p.nav.drafts["kokuho-kanyu"].set_aside = {{"fax", "03-1234-5678"}};
  p.frame();
  CHECK(find(p.tree, Role::Alert,
             "この申請書は、入力を始めた後に新しくなりました。次の内容は、入れる欄がなくなったため、ここに残しています。"
             "必要なら、あてはまる欄に書き写してください。"));
  CHECK(find(p.tree, Role::Text, "fax：03-1234-5678"));
  p.activate(Role::Button, "確認しました（この内容を消す）");
  CHECK(p.nav.drafts.at("kokuho-kanyu").set_aside.empty());
  CHECK_FALSE(find(p.tree, Role::Text, "fax：03-1234-5678"));
}
