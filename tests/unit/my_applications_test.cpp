// わたしの申請 as a resident meets it through the mirror: reached from home once there is anything,
// drafts with their last change in Japan time and where they are kept, a delete that asks first, what
// waits in the outbox, then what was sent.
#include <catch2/catch.hpp>

#include "core/date_text.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

TEST_CASE("home offers わたしの申請 only once there is a draft, a queued or a sent application", "[my-applications]") {
  Portal p;
  p.frame();
  CHECK_FALSE(find(p.tree, Role::Button, "わたしの申請（書きかけ・送信待ち・送ったもの）"));
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  p.frame();
  p.activate(Role::Button, "わたしの申請（書きかけ・送信待ち・送ったもの）");
  CHECK(p.nav.current.screen == Screen::Applications);
  CHECK(find(p.tree, Role::Heading, "わたしの申請"));
}

TEST_CASE("drafts are listed newest first with their last change, go on where they were, and delete only after a yes",
          "[my-applications]") {
  Portal p;
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(p.nav, DraftsEdited{{"kokuho-kanyu"}, "2026-12-06T12:30:00Z"});
  apply(p.nav, SetFieldValue{"shugaku", "child_name", "髙橋 一郎"});
  apply(p.nav, DraftsEdited{{"shugaku"}, "2026-12-06T15:05:00Z"});
  apply(p.nav, OpenApplications{});
  p.frame();
  CHECK(find(p.tree, Role::Heading, "書きかけの申請"));
  CHECK(find(p.tree, Role::Text, std::string(p.messages.get("ja", "applications.drafts_where"))));
  // 15:05 UTC is 0:05 the next day in Japan.
  CHECK(find(p.tree, Role::Text, "最後の変更：2026年12月7日（月） 0:05"));
  CHECK(find(p.tree, Role::Text, "最後の変更：2026年12月6日（日） 21:30"));
  const auto* newest = find(p.tree, Role::Text, "最後の変更：2026年12月7日（月） 0:05");
  const auto* older = find(p.tree, Role::Text, "最後の変更：2026年12月6日（日） 21:30");
  CHECK(newest->y < older->y);

  p.activate(Role::Button, "国民健康保険の加入（氏名：髙橋 花子）の下書きを削除");
  CHECK(p.nav.drafts.count("kokuho-kanyu"));  // asked, not deleted
  CHECK(find(p.tree, Role::Alert, "国民健康保険の加入（氏名：髙橋 花子）の下書きを削除しますか？削除すると元に戻せません。"));
  p.activate(Role::Button, "やめる");
  CHECK(p.nav.drafts.count("kokuho-kanyu"));
  CHECK_FALSE(find(p.tree, Role::Alert, "国民健康保険の加入（氏名：髙橋 花子）の下書きを削除しますか？削除すると元に戻せません。"));

  p.activate(Role::Button, "国民健康保険の加入（氏名：髙橋 花子）の下書きを削除");
  p.activate(Role::Button, "削除する");
  CHECK_FALSE(p.nav.drafts.count("kokuho-kanyu"));
  CHECK(p.nav.drafts.count("shugaku"));

  p.activate(Role::Button, "小学校・中学校への入学（就学通知と届出）（氏名：髙橋 一郎）の続きを入力する");
  CHECK(p.nav.current.screen == Screen::Form);
  CHECK(p.nav.current.draft_id == "shugaku");
}

TEST_CASE("a draft waiting in the outbox is not deleted, and shows where it stands instead", "[my-applications]") {
  Portal p;
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(p.nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-12-06T00:00:00Z"});
  apply(p.nav, DeleteDraft{"kokuho-kanyu", true});
  CHECK(p.nav.drafts.count("kokuho-kanyu"));
  apply(p.nav, OpenApplications{});
  p.frame();
  CHECK_FALSE(find(p.tree, Role::Heading, "書きかけの申請"));
  CHECK(find(p.tree, Role::Heading, "送信待ち"));
  CHECK(find(p.tree, Role::Text, std::string(p.messages.get("ja", "outbox.state_waiting"))));
}

TEST_CASE("a moment in UTC reads as Japan time, and anything else as nothing", "[my-applications]") {
  const Messages messages = fixtures::real_messages();
  CHECK(format_japan_time("2026-12-31T15:00:00Z", messages, "ja") == "2027年1月1日（金） 0:00");
  CHECK(format_japan_time("2026-12-06T03:04:05Z", messages, "en") == "Sun, 6 December 2026, 12:04");
  CHECK(format_japan_time("", messages, "ja").empty());
  CHECK(format_japan_time("2026-12-06T25:00:00Z", messages, "ja").empty());
}

TEST_CASE("a waiting application says why its last try failed, and a refused draft that it needs attention",
          "[my-applications]") {
  Portal p;
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(p.nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-12-06T00:00:00Z"});
  apply(p.nav, SendStarted{"s1"});
  apply(p.nav, SendDeferred{"s1", "send.error.offline"});
  apply(p.nav, OpenApplications{});
  p.frame();
  CHECK(find(p.tree, Role::Text, std::string(p.messages.get("ja", "outbox.retry_offline"))));

  apply(p.nav, SubmissionFailed{"kokuho-kanyu", "send.error.refused", {{"code", "413"}}, "s1"});
  p.frame();
  CHECK(p.nav.outbox.empty());
  CHECK(find(p.tree, Role::Alert,
             "対応が必要です：" + p.messages.format("ja", "send.error.refused", {{"code", "413"}})));
}
