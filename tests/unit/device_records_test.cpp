// Drafts and the session survive a reload: what is written, what comes back, and how a draft meets a
// catalog whose form changed — nothing the resident typed is dropped.
#include <catch2/catch.hpp>

#include "core/catalog_loader.hpp"
#include "core/device_records.hpp"
#include "fixtures.hpp"

using namespace madoguchi;

namespace {

const Catalog& catalog() {
  static const Catalog c = *load_catalog(fixtures::real_catalog_files()).catalog;
  return c;
}

Navigation filled() {
  Navigation nav;
  apply(nav, OpenEvent{"moving-in"});
  apply(nav, SetEventDate{"moving-in", CivilDate{2026, 3, 20}});
  apply(nav, AnswerQuestion{"moving-in", "children", "yes"});
  apply(nav, SetLanguage{"en"});
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 𠮷子"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "reason", "moved_in"});
  apply(nav, AddGroupItem{"kokuho-kanyu", "members"});
  apply(nav, AddGroupItem{"kokuho-kanyu", "members"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "members[1].name", "髙橋 花子"});
  apply(nav, ShowProblems{"kokuho-kanyu"});
  apply(nav, DraftsEdited{{"kokuho-kanyu"}, "2026-11-23T01:02:03Z"});
  return nav;
}

}  // namespace

TEST_CASE("a reload brings back every draft value, group size, the language, event answers and the screen",
          "[device-records]") {
  const Navigation before = filled();
  const auto records = device_records(before);
  REQUIRE(records.count("session"));
  REQUIRE(records.count("draft/kokuho-kanyu"));

  Navigation after;
  const RestoredRecords restored = restore_device_records(after, catalog(), records);
  CHECK(restored.unreadable.empty());
  CHECK(restored.fragment == "#/event/moving-in/apply/kokuho-kanyu");
  CHECK(after.language == "en");
  CHECK(after.answers.at("moving-in").event_date == CivilDate{2026, 3, 20});
  CHECK(after.answers.at("moving-in").answers.at("children") == "yes");
  const FormDraft& draft = after.drafts.at("kokuho-kanyu");
  CHECK(draft.values.all() == before.drafts.at("kokuho-kanyu").values.all());
  CHECK(draft.values.item_count("members") == 2);
  CHECK(draft.show_problems);
  CHECK(draft.edited == "2026-11-23T01:02:03Z");
  CHECK(draft.set_aside.empty());
  CHECK(device_records(after).at("draft/kokuho-kanyu") == records.at("draft/kokuho-kanyu"));
}

TEST_CASE("a value whose field or choice the new form no longer has is set aside, not dropped", "[device-records]") {
  Navigation before = filled();
  apply(before, SetFieldValue{"kokuho-kanyu", "fax", "03-1234-5678"});              // a field since removed
  apply(before, SetFieldValue{"kokuho-kanyu", "members[0].shoe_size", "24"});       // inside a group
  apply(before, SetFieldValue{"kokuho-kanyu", "reason", "left_school"});             // a choice since removed

  Navigation after;
  restore_device_records(after, catalog(), device_records(before));
  const FormDraft& draft = after.drafts.at("kokuho-kanyu");
  CHECK(draft.set_aside == std::map<std::string, std::string, std::less<>>{
                               {"fax", "03-1234-5678"}, {"members[0].shoe_size", "24"}, {"reason", "left_school"}});
  CHECK_FALSE(draft.values.get("fax"));
  CHECK_FALSE(draft.values.get("reason"));
  CHECK(draft.values.get("head_name") == "髙橋 𠮷子");
  // Kept through the next save and reload too.
  Navigation again;
  restore_device_records(again, catalog(), device_records(after));
  CHECK(again.drafts.at("kokuho-kanyu").set_aside == draft.set_aside);
}

TEST_CASE("a draft of a procedure the catalog no longer has is kept whole", "[device-records]") {
  const std::string text =
      R"({"format":"madoguchi-draft/1","procedure":"retired-form","values":{"name":"山田 太郎"},"items":{}})";
  Navigation nav;
  const auto restored = restore_device_records(nav, catalog(), {{"draft/retired-form", text}});
  CHECK(restored.unreadable.empty());
  CHECK(nav.drafts.at("retired-form").values.get("name") == "山田 太郎");
}

TEST_CASE("a record that cannot be read is named and leaves the others in place", "[device-records]") {
  auto records = device_records(filled());
  records["draft/broken"] = "{not json";
  records["draft/other-format"] = R"({"format":"madoguchi-draft/9","procedure":"x"})";
  records["mystery"] = "{}";
  Navigation nav;
  const auto restored = restore_device_records(nav, catalog(), records);
  CHECK(restored.unreadable == std::vector<std::string>{"draft/broken", "draft/other-format", "mystery"});
  CHECK(nav.drafts.count("kokuho-kanyu"));
}

TEST_CASE("a save writes only what changed and removes a sent draft", "[device-records]") {
  Navigation nav = filled();
  const auto saved = device_records(nav);
  CHECK(record_changes(saved, saved).empty());

  apply(nav, SetFieldValue{"kokuho-kanyu", "phone", "090-1234-5678"});
  auto changes = record_changes(saved, device_records(nav));
  CHECK(changes.write == std::vector<std::string>{"draft/kokuho-kanyu"});
  CHECK(changes.remove.empty());

  apply(nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_as("s1"), "2026-12-06T00:00:00Z"});
  CHECK(record_changes(saved, device_records(nav)).write ==
        std::vector<std::string>{"draft/kokuho-kanyu", "outbox/s1", "session"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "ABCD-EFGH-JKMN", "2026-12-06T00:00:01Z", "s1"});
  changes = record_changes(saved, device_records(nav));
  CHECK(changes.write == std::vector<std::string>{"sent/ABCD-EFGH-JKMN", "session"});
  CHECK(changes.remove == std::vector<std::string>{"draft/kokuho-kanyu"});
}

TEST_CASE("answers set aside stay until the resident dismisses them", "[device-records]") {
  Navigation before = filled();
  apply(before, SetFieldValue{"kokuho-kanyu", "fax", "03-1234-5678"});
  Navigation nav;
  restore_device_records(nav, catalog(), device_records(before));
  REQUIRE(nav.drafts.at("kokuho-kanyu").set_aside.size() == 1);
  apply(nav, DismissSetAside{"kokuho-kanyu"});
  CHECK(nav.drafts.at("kokuho-kanyu").set_aside.empty());
  CHECK(nav.drafts.at("kokuho-kanyu").values.get("head_name") == "髙橋 𠮷子");
}

TEST_CASE("sent applications come back with their answers, status and notes, oldest first", "[device-records]") {
  Navigation nav = filled();
  apply(nav, SubmissionSent{"kokuho-kanyu", "ABCD-EFGH-JKMN", "2026-11-23T01:00:00Z"});
  apply(nav, StatusChecked{"ABCD-EFGH-JKMN", "correction_requested", {{"2026-11-24T00:00:00Z", "correction_requested", "住民票の写しを添付してください。"}}});
  apply(nav, OpenForm{"kokuho-kanyu"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "山田 一郎"});
  apply(nav, SubmissionSent{"kokuho-kanyu", "0000-1111-2222", "2026-11-23T02:00:00Z"});

  Navigation after;
  const auto restored = restore_device_records(after, catalog(), device_records(nav));
  CHECK(restored.unreadable.empty());
  REQUIRE(after.sent.size() == 2);
  CHECK(after.sent[0].receipt == "ABCD-EFGH-JKMN");
  CHECK(after.sent[0].status == "correction_requested");
  REQUIRE(after.sent[0].notes.size() == 1);
  CHECK(after.sent[0].notes[0].text == "住民票の写しを添付してください。");
  CHECK(after.sent[0].values.get("head_name") == "髙橋 𠮷子");
  CHECK(after.sent[0].values.item_count("members") == 2);
  CHECK(after.sent[1].receipt == "0000-1111-2222");
  CHECK(after.sent[1].sent_at == "2026-11-23T02:00:00Z");
  // A correction starts from the answers as sent.
  apply(after, CorrectApplication{"ABCD-EFGH-JKMN"});
  CHECK(after.drafts.at("kokuho-kanyu").values.get("members[1].name") == "髙橋 花子");
}
