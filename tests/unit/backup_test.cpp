// The backup a resident makes and restores: what the file holds, how it joins a device that already has
// drafts (never replacing one), the passphrase rules, and the screen through the mirror.
#include <catch2/catch.hpp>

#include "core/backup_contents.hpp"
#include "core/device_records.hpp"
#include "portal_fixture.hpp"

using namespace madoguchi;
using fixtures::find;
using fixtures::Portal;
using ui::Role;

namespace {

// A device with a draft, an application waiting in the outbox and a sent one with its keys record.
std::map<std::string, std::string> device_with_everything(Navigation& nav) {
  apply(nav, SetFieldValue{"shugaku", "child_name", "髙橋 一郎"});
  apply(nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  apply(nav, ApplicationSealed{"kokuho-kanyu", fixtures::sealed_kokuho(), "2026-12-06T01:02:04Z"});
  apply(nav, SetFieldValue{"juukyochi-todoke", "name", "佐藤 恵"});
  auto sent = fixtures::sealed_kokuho();
  apply(nav, ApplicationSealed{"juukyochi-todoke", sent, "2026-12-06T01:03:00Z"});
  apply(nav, SubmissionSent{"juukyochi-todoke", "R-7", "2026-12-06T01:03:05Z", sent->submission_id});
  auto records = device_records(nav);
  records["keys/R-7"] = sent_keys_text(*sent);
  return records;
}

}  // namespace

TEST_CASE("a backup restored on a new device brings every draft, waiting and sent application", "[backup]") {
  Portal p;
  const auto records = device_with_everything(p.nav);
  const std::string contents = backup_contents(records, "2026-12-06T02:00:00Z");
  CHECK(contents.find("\"session\"") == std::string::npos);  // the screen belongs to the old device

  Navigation fresh;
  const BackupRestore restored = restore_backup_contents(fresh, p.catalog, contents);
  CHECK(restored.ok);
  CHECK(restored.drafts == 1);
  CHECK(restored.queued == 1);
  CHECK(restored.sent == 1);
  CHECK(restored.key_records.count("keys/R-7"));
  CHECK(fresh.drafts.at("shugaku").values.get("child_name") == "髙橋 一郎");
  REQUIRE(fresh.outbox.size() == 1);
  CHECK(fresh.outbox[0].sealed->envelope == p.nav.outbox[0].sealed->envelope);
  CHECK(fresh.drafts.at("kokuho-kanyu").queued == fresh.outbox[0].submission_id());
  CHECK(fresh.sent.at(0).receipt == "R-7");

  // The same file again adds nothing.
  const BackupRestore again = restore_backup_contents(fresh, p.catalog, contents);
  CHECK(again.ok);
  CHECK(again.drafts + again.queued + again.sent == 0);
  CHECK(again.key_records.empty());
  CHECK(fresh.drafts.size() == 2);
}

TEST_CASE("a restored draft never replaces a different one with its id: it comes in beside it", "[backup]") {
  Portal p;
  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  const std::string contents = backup_contents(device_records(p.nav), "2026-12-06T02:00:00Z");

  Navigation other;
  apply(other, SetFieldValue{"kokuho-kanyu", "head_name", "佐藤 恵"});
  const BackupRestore restored = restore_backup_contents(other, p.catalog, contents);
  CHECK(restored.drafts == 1);
  CHECK(other.drafts.at("kokuho-kanyu").values.get("head_name") == "佐藤 恵");
  CHECK(other.drafts.at("kokuho-kanyu~2").values.get("head_name") == "髙橋 花子");
}

TEST_CASE("contents that are not a backup's are refused whole", "[backup]") {
  Portal p;
  Navigation nav;
  CHECK_FALSE(restore_backup_contents(nav, p.catalog, "{}").ok);
  CHECK_FALSE(restore_backup_contents(nav, p.catalog, R"({"format":"madoguchi-backup/2","records":{}})").ok);
  CHECK_FALSE(restore_backup_contents(nav, p.catalog, "not json").ok);
  CHECK(nav.drafts.empty());
}

TEST_CASE("a backup passphrase needs ten characters and the same twice, and is wiped once used or left", "[backup]") {
  CHECK(backup_passphrase_problem("") == "backup.error.passphrase_empty");
  CHECK(backup_passphrase_problem("短い合言葉") == "backup.error.passphrase_short");  // 5 characters, 15 bytes
  CHECK(backup_passphrase_problem("さくらさくらやよいのそら").empty());
  CHECK(backup_confirm_problem("さくらさくらやよいのそら", "さくらさくら") == "backup.error.confirm");

  Navigation nav;
  apply(nav, OpenBackup{});
  apply(nav, SetBackupText{BackupField::Passphrase, "short"});
  apply(nav, MakeBackup{});
  CHECK_FALSE(nav.backup.working);
  CHECK(nav.backup.show_problems);
  apply(nav, SetBackupText{BackupField::Passphrase, "correct horse battery"});
  apply(nav, SetBackupText{BackupField::Confirm, "correct horse battery"});
  apply(nav, MakeBackup{});
  CHECK(nav.backup.working);
  apply(nav, BackupMade{"madoguchi-backup-2026-12-07.madoguchi"});
  CHECK(nav.backup.passphrase.empty());
  CHECK(nav.backup.confirm.empty());
  CHECK(nav.backup.message_key == "backup.made");

  apply(nav, SetBackupText{BackupField::RestorePassphrase, "correct horse battery"});
  apply(nav, RestoreBackup{});
  CHECK(nav.backup.message_key == "backup.error.no_file");
  CHECK(nav.backup.restore_passphrase == "correct horse battery");  // kept to try again
  apply(nav, GoBack{});
  CHECK(nav.backup.restore_passphrase.empty());
  CHECK(nav.backup.message_key.empty());
}

TEST_CASE("the backup screen is reached from home, asks for the passphrase twice, and says what went wrong",
          "[backup]") {
  Portal p;
  p.frame();
  p.activate(Role::Button, "バックアップ（保存・別の端末から戻す）");
  CHECK(p.nav.current.screen == Screen::Backup);
  CHECK(find(p.tree, Role::Heading, "バックアップ"));
  CHECK(find(p.tree, Role::Text, "この端末には、まだ保存するものがありません。"));
  CHECK(find(p.tree, Role::Button, "バックアップファイルを選ぶ"));

  apply(p.nav, SetFieldValue{"kokuho-kanyu", "head_name", "髙橋 花子"});
  p.frame();
  const auto* passphrase = find(p.tree, Role::TextBox, "合言葉");
  REQUIRE(passphrase);
  CHECK(passphrase->secret);
  CHECK(passphrase->autocomplete == "new-password");
  apply(p.nav, SetBackupText{BackupField::Passphrase, "さくら"});
  p.frame();
  p.activate(Role::Button, "バックアップファイルを保存する");
  CHECK_FALSE(p.nav.backup.working);
  const auto* field = find(p.tree, Role::TextBox, "合言葉");
  REQUIRE(field);
  CHECK(field->invalid);
  CHECK(field->description.find("合言葉は10文字以上にしてください。") != std::string::npos);

  apply(p.nav, BackupFailed{"backup.error.wrong_passphrase"});
  p.frame();
  CHECK(find(p.tree, Role::Alert, std::string(p.messages.get("ja", "backup.error.wrong_passphrase"))));
}
