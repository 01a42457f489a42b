// Several forms of one life event: the name, address and phone typed once offered to the next form, and
// the finished forms checked on one screen and sent with one confirmation, each with its own receipt.
#include <catch2/catch.hpp>

#include "core/route_url.hpp"
#include "core/send_together.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

void set(Navigation& nav, const std::string& draft, const std::string& path, const std::string& value) {
  apply(nav, SetFieldValue{draft, path, value});
}

// A parent on 国民健康保険 after a birth: the 国保 form and the child medical-care form filled in.
void two_forms_filled(Navigation& nav) {
  apply(nav, OpenEvent{"birth"});
  apply(nav, AnswerQuestion{"birth", "parents_insurance", "kokuho"});
  set(nav, "kokuho-kanyu", "head_name", "山田 太郎");
  set(nav, "kokuho-kanyu", "address", "東京都千代田区九段南1-2-1");
  set(nav, "kokuho-kanyu", "reason", "birth");
  set(nav, "kokuho-kanyu", "joined_on", "2026-03-15");
  apply(nav, AddGroupItem{"kokuho-kanyu", "members"});
  set(nav, "kokuho-kanyu", "members[0].name", "山田 花子");
  set(nav, "kokuho-kanyu", "members[0].furigana", "ヤマダ ハナコ");
  set(nav, "kokuho-kanyu", "members[0].birth_date", "2026-03-15");
  set(nav, "kokuho-kanyu", "members[0].sex", "female");
  set(nav, "kokuho-kanyu", "members[0].relationship", "child");
  set(nav, "kokuho-kanyu", "phone", "09012345678");
  apply(nav, DraftsEdited{{"kokuho-kanyu"}, "2026-03-20T01:00:00Z"});
  set(nav, "kodomo-iryohi", "name", "山田 太郎");
  set(nav, "kodomo-iryohi", "furigana", "ヤマダ タロウ");
  set(nav, "kodomo-iryohi", "address", "東京都千代田区九段南1-2-1");
  set(nav, "kodomo-iryohi", "phone", "09012345678");
  set(nav, "kodomo-iryohi", "reason", "birth");
  apply(nav, AddGroupItem{"kodomo-iryohi", "children"});
  set(nav, "kodomo-iryohi", "children[0].name", "山田 花子");
  set(nav, "kodomo-iryohi", "children[0].furigana", "ヤマダ ハナコ");
  set(nav, "kodomo-iryohi", "children[0].birth_date", "2026-03-15");
  set(nav, "kodomo-iryohi", "children[0].insurance", "not_yet");
}

}  // namespace

TEST_CASE("another form offers, in one tap, the name, address and phone typed into the first", "[send-together]") {
  Portal p;
  apply(p.nav, OpenEvent{"birth"});
  set(p.nav, "kokuho-kanyu", "head_name", "山田 太郎");
  set(p.nav, "kokuho-kanyu", "address", "東京都千代田区九段南1-2-1");
  set(p.nav, "kokuho-kanyu", "phone", "090-1234-5678");
  apply(p.nav, DraftsEdited{{"kokuho-kanyu"}, "2026-03-20T01:00:00Z"});
  apply(p.nav, OpenForm{"kodomo-iryohi"});
  p.frame();
  p.frame();
  REQUIRE(find(p.tree, Role::Text, "ほかの申請で入力した内容を使えます：申請する人（保護者）の氏名、住所、日中に連絡できる電話番号"));
  CHECK(p.nav.drafts["kodomo-iryohi"].values.all().empty());  // offered, never filled in behind their back
  p.activate(Role::Button, "その内容を入れる");
  const FormValues& values = p.nav.drafts.at("kodomo-iryohi").values;
  CHECK(values.get("name") == "山田\u3000太郎");  // as the first form keeps it, normalized
  CHECK(values.get("address") == "東京都千代田区九段南1-2-1");
  CHECK(values.get("phone") == "090-1234-5678");
  CHECK_FALSE(find(p.tree, Role::Button, "その内容を入れる"));  // nothing left to offer
}

TEST_CASE("finished forms of an event are checked on one screen and sent with one tap", "[send-together]") {
  Portal p;
  two_forms_filled(p.nav);
  const LifeEvent& birth = *p.catalog.find_event("birth");
  CHECK(drafts_ready_to_send(p.catalog, birth, p.nav.answers["birth"], p.nav) ==
        std::vector<std::string>{"kokuho-kanyu", "kodomo-iryohi"});
  // One with a problem is not ready.
  set(p.nav, "kodomo-iryohi", "phone", "12");
  CHECK(drafts_ready_to_send(p.catalog, birth, p.nav.answers["birth"], p.nav) == std::vector<std::string>{"kokuho-kanyu"});
  set(p.nav, "kodomo-iryohi", "phone", "09012345678");

  p.frame();
  p.frame();
  CHECK(find(p.tree, Role::Text, "入力が終わった申請が2件あります。まとめて確認して、一度に送れます。"));
  p.activate(Role::Button, "まとめて確認して送る（2件）");
  CHECK(p.nav.current == Route{Screen::SendTogether, "birth", {}});
  CHECK(route_fragment(p.nav.current) == "#/event/birth/send");
  CHECK(route_from_fragment("#/event/birth/send") == p.nav.current);
  CHECK(find(p.tree, Role::Heading, "国民健康保険の加入（山田 太郎）"));
  CHECK(find(p.tree, Role::Button, "世帯主の氏名を変更"));
  const auto* send = find(p.tree, Role::Button, "2件の申請をまとめて送信する");
  REQUIRE(send);
  p.tree.request_activation(send->id);
  const auto actions = p.frame();
  CHECK(std::any_of(actions.begin(), actions.end(), [](const Action& a) {
    const auto* together = std::get_if<SubmitTogether>(&a);
    return together && together->draft_ids == std::vector<std::string>{"kokuho-kanyu", "kodomo-iryohi"};
  }));
  CHECK(p.nav.drafts.at("kodomo-iryohi").sending == FormDraft::Sending::Sending);

  // Each is sealed on its own; the screen stays and says where each one stands.
  apply(p.nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-03-20T01:01:00Z"});
  apply(p.nav, ApplicationSealed{"kodomo-iryohi", fixtures::sealed_as("s2"), "2026-03-20T01:01:00Z"});
  CHECK(p.nav.current.screen == Screen::SendTogether);
  apply(p.nav, SubmissionSent{"kokuho-kanyu", "AAAA-BBBB-CCCC", "2026-03-20T01:01:02Z", "s1"});
  apply(p.nav, SubmissionFailed{"kodomo-iryohi", "send.error.refused", {{"code", "bad_envelope"}}, "s2"});
  p.frame();
  p.frame();
  CHECK(find(p.tree, Role::Text, "受付番号：AAAA-BBBB-CCCC"));
  CHECK(find(p.tree, Role::Button, "この申請を開いて直す"));
  p.activate(Role::Button, "この申請を開いて直す");
  CHECK(p.nav.current.screen == Screen::Form);
  CHECK(p.nav.current.draft_id == "kodomo-iryohi");
}

TEST_CASE("an answer changed from the send-together screen comes back to it, changed", "[send-together]") {
  Portal p;
  two_forms_filled(p.nav);
  p.frame();
  p.frame();
  p.activate(Role::Button, "まとめて確認して送る（2件）");
  const std::vector<Route> history = p.nav.history;
  p.activate(Role::Button, "世帯主の氏名を変更");
  CHECK(p.nav.current.screen == Screen::Form);
  CHECK(p.nav.current.draft_id == "kokuho-kanyu");
  p.type("世帯主の氏名", "山田 一郎");
  p.activate(Role::Button, "次へ（入力内容の確認）");
  CHECK(p.nav.current == Route{Screen::SendTogether, "birth", {}});
  CHECK(p.nav.history == history);  // the browser's back then leaves the send-together screen, not the form
  CHECK(p.nav.drafts.at("kokuho-kanyu").values.get("head_name") == "山田 一郎");
  CHECK(find(p.tree, Role::Button, "2件の申請をまとめて送信する"));
}
