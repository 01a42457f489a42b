// Several drafts of one procedure (a form for each child): each has its own id, address, answers and
// record; the list tells them apart by whose they are; "apply" opens the one last changed.
#include <catch2/catch.hpp>

#include "core/device_records.hpp"
#include "core/draft_id.hpp"
#include "core/route_url.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

TEST_CASE("a draft id names its procedure and which of its drafts it is", "[several-drafts]") {
  CHECK(procedure_of("kokuho-kanyu~2") == "kokuho-kanyu");
  CHECK(procedure_of("kokuho-kanyu") == "kokuho-kanyu");
  CHECK(draft_number("kokuho-kanyu") == 1);
  CHECK(draft_number("kokuho-kanyu~12") == 12);
  CHECK(is_draft_id("kokuho-kanyu~2"));
  CHECK_FALSE(is_draft_id("kokuho-kanyu~1"));
  CHECK_FALSE(is_draft_id("kokuho-kanyu~02"));
  CHECK_FALSE(is_draft_id("kokuho-kanyu~"));
  CHECK_FALSE(is_draft_id("kokuho-kanyu~1000"));
  CHECK_FALSE(is_draft_id("Kokuho~2"));
  CHECK(route_fragment(Route{Screen::Review, "birth", "kokuho-kanyu~2"}) == "#/event/birth/apply/kokuho-kanyu~2/review");
  CHECK(route_from_fragment("#/apply/kokuho-kanyu~3") == Route{Screen::Form, "", "kokuho-kanyu~3"});
  CHECK_FALSE(route_from_fragment("#/apply/kokuho-kanyu~x"));
}

TEST_CASE("another draft starts empty beside the first, and apply opens the one last changed", "[several-drafts]") {
  Navigation nav;
  apply(nav, OpenForm{"kokuho-kanyu"});
  CHECK(nav.current.draft_id == "kokuho-kanyu");
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(nav, DraftsEdited{{"kokuho-kanyu"}, "2026-12-06T10:00:00Z"});
  apply(nav, NewDraft{"kokuho-kanyu"});
  CHECK(nav.current == Route{Screen::Form, "", "kokuho-kanyu~2"});
  CHECK(nav.drafts.at("kokuho-kanyu~2").values.all().empty());
  apply(nav, SetFieldValue{"kokuho-kanyu~2", "head_name", "髙橋 一郎"});
  apply(nav, DraftsEdited{{"kokuho-kanyu~2"}, "2026-12-06T11:00:00Z"});
  CHECK(nav.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 花子");

  apply(nav, GoBack{});
  apply(nav, GoBack{});
  apply(nav, OpenForm{"kokuho-kanyu"});
  CHECK(nav.current.draft_id == "kokuho-kanyu~2");
  apply(nav, SetFieldValue{"kokuho-kanyu", "reason", "moved_in"});
  apply(nav, DraftsEdited{{"kokuho-kanyu"}, "2026-12-06T12:00:00Z"});
  apply(nav, OpenForm{"kokuho-kanyu"});
  CHECK(nav.current.draft_id == "kokuho-kanyu");

  // Sending one leaves the other; its receipt is at its own address.
  apply(nav, ApplicationSealed{"kokuho-kanyu~2", fixtures::sealed_as("s2"), "2026-12-06T13:00:00Z"});
  CHECK(nav.current == Route{Screen::Receipt, "", "kokuho-kanyu~2"});
  CHECK(nav.outbox.at(0).draft_id == "kokuho-kanyu~2");
  CHECK(nav.outbox.at(0).procedure_id == "kokuho-kanyu");
  apply(nav, OpenForm{"kokuho-kanyu"});
  CHECK(nav.current.draft_id == "kokuho-kanyu");  // the one that can still be changed
  apply(nav, SubmissionSent{"kokuho-kanyu~2", "R-2", "2026-12-06T13:00:05Z", "s2"});
  CHECK_FALSE(nav.drafts.count("kokuho-kanyu~2"));
  CHECK(nav.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 花子");
  REQUIRE(nav.sent.size() == 1);
  CHECK(nav.sent[0].draft_id == "kokuho-kanyu~2");
  CHECK(nav.sent[0].procedure_id == "kokuho-kanyu");
  CHECK(nav.sent[0].values.get("head_name") == "髙橋 一郎");
  apply(nav, FollowUrl{Route{Screen::Receipt, "", "kokuho-kanyu~2"}});
  CHECK(nav.current == Route{Screen::Receipt, "", "kokuho-kanyu~2"});
}

TEST_CASE("answering a 補正依頼 never overwrites a draft of the same procedure", "[several-drafts]") {
  Navigation nav;
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-12-06T13:00:00Z"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "R-1", "2026-12-06T13:00:05Z", "s1"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 一郎"});
  apply(nav, CorrectApplication{"R-1"});
  CHECK(nav.current.draft_id == "kokuho-kanyu~2");
  CHECK(nav.drafts.at("kokuho-kanyu~2").corrects == "R-1");
  CHECK(nav.drafts.at("kokuho-kanyu~2").values.get("head_name") == "髙橋 花子");
  CHECK(nav.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 一郎");
}

TEST_CASE("each draft is its own device record, and records from before several drafts mean the first", "[several-drafts]") {
  Portal p;
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(p.nav, SetFieldValue{"kokuho-kanyu~2", "head_name", "髙橋 一郎"});
  auto records = device_records(p.nav);
  REQUIRE(records.count("draft/kokuho-kanyu~2"));
  Navigation after;
  CHECK(restore_device_records(after, p.catalog, records).unreadable.empty());
  CHECK(after.drafts.at("kokuho-kanyu~2").values.get("head_name") == "髙橋 一郎");
  CHECK(after.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 花子");

  const std::map<std::string, std::string> old = {
      {"draft/kokuho-kanyu", R"({"format":"madoguchi-draft/1","procedure":"kokuho-kanyu","values":{"head_name":"髙橋 花子"}})"},
      {"draft/shugaku", R"({"format":"madoguchi-draft/1","procedure":"shugaku","draft":"kokuho-kanyu~2","values":{}})"}};
  Navigation from_old;
  const RestoredRecords restored = restore_device_records(from_old, p.catalog, old);
  CHECK(from_old.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 花子");
  CHECK(restored.unreadable == std::vector<std::string>{"draft/shugaku"});
}

TEST_CASE("a resident starts a second form from the first, and the list tells the two apart by name", "[several-drafts]") {
  Portal p;
  apply(p.nav, OpenForm{"kokuho-kanyu"});
  p.frame();
  CHECK_FALSE(find(p.tree, Role::Button, "この申請書をもう1通作る"));  // nothing typed yet
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  p.frame();
  p.activate(Role::Button, "この申請書をもう1通作る");
  CHECK(p.nav.current.draft_id == "kokuho-kanyu~2");
  CHECK(find(p.tree, Role::Text, "この手続きの 2 通目の申請書です。ほかの申請書は「わたしの申請」にあります。"));
  apply(p.nav, SetFieldValue{"kokuho-kanyu~2", "head_name", "髙橋 一郎"});
  apply(p.nav, DraftsEdited{{"kokuho-kanyu~2"}, "2026-12-06T11:00:00Z"});

  apply(p.nav, OpenApplications{});
  p.frame();
  CHECK(find(p.tree, Role::Text, "氏名：髙橋 花子"));
  CHECK(find(p.tree, Role::Text, "氏名：髙橋 一郎"));
  p.activate(Role::Button, "国民健康保険の加入（氏名：髙橋 花子）の続きを入力する");
  CHECK(p.nav.current.draft_id == "kokuho-kanyu");
  CHECK(find(p.tree, Role::Text, "この手続きの 1 通目の申請書です。ほかの申請書は「わたしの申請」にあります。"));
}
