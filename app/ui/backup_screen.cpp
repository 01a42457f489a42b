// The backup screen: every draft and application of this device in one file sealed under a passphrase
// the resident chooses, for a browser that may clear its storage or a new phone; and restoring one.
#include "screens.hpp"

namespace madoguchi::ui {
namespace {

bool anything_to_keep(const Navigation& nav) {
  for (const auto& [id, draft] : nav.drafts)
    if (!draft.values.all().empty()) return true;
  return !nav.outbox.empty() || !nav.sent.empty();
}

std::optional<std::string> SecretField(std::string_view id, std::string_view label, std::string_view hint,
                                       std::string_view error, std::string_view error_prefix, const std::string& value,
                                       std::string_view autocomplete) {
  TextFieldSpec field{id, label, hint, error, error_prefix, value, {}, "text", autocomplete, true, false};
  field.secret = true;
  return TextField(field);
}

void draw_make(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const BackupForm& form = in.nav.backup;
  Heading(m.get(lang, "backup.make_heading"), 2);
  if (!anything_to_keep(in.nav)) {
    Paragraph(m.get(lang, "backup.nothing"));
    return;
  }
  Paragraph(m.get(lang, "backup.make_lead"));
  const std::string problem = form.show_problems ? backup_passphrase_problem(form.passphrase) : std::string();
  const std::string mismatch =
      form.show_problems && problem.empty() ? backup_confirm_problem(form.passphrase, form.confirm) : std::string();
  const std::string prefix(m.get(lang, "form.error_prefix"));
  const std::string min = std::to_string(kBackupPassphraseMin);
  if (auto typed = SecretField("backup-passphrase", m.get(lang, "backup.passphrase"),
                               m.format(lang, "backup.passphrase_hint", {{"min", min}}),
                               problem.empty() ? std::string() : m.format(lang, problem, {{"min", min}}), prefix,
                               form.passphrase, "new-password"))
    actions.push_back(SetBackupText{BackupField::Passphrase, std::move(*typed)});
  if (auto typed = SecretField("backup-confirm", m.get(lang, "backup.confirm"), {},
                               mismatch.empty() ? std::string() : std::string(m.get(lang, mismatch)), prefix, form.confirm,
                               "new-password"))
    actions.push_back(SetBackupText{BackupField::Confirm, std::move(*typed)});
  if (Button(m.get(lang, form.working ? "backup.working" : "backup.make"), "backup.make", true, form.working))
    actions.emplace_back(std::in_place_type<MakeBackup>);
}

void draw_restore(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const BackupForm& form = in.nav.backup;
  Heading(m.get(lang, "backup.restore_heading"), 2);
  Paragraph(m.get(lang, "backup.restore_lead"));
  if (!form.file_name.empty()) SecondaryText(m.format(lang, "backup.chosen", {{"file", form.file_name}}));
  if (Button(m.get(lang, form.file_name.empty() ? "backup.choose" : "backup.choose_other"), "backup.choose"))
    actions.emplace_back(std::in_place_type<ChooseBackupFile>);
  if (!form.file) return;
  if (auto typed = SecretField("backup-restore-passphrase", m.get(lang, "backup.restore_passphrase"), {}, {},
                               m.get(lang, "form.error_prefix"), form.restore_passphrase, "current-password"))
    actions.push_back(SetBackupText{BackupField::RestorePassphrase, std::move(*typed)});
  if (Button(m.get(lang, form.working ? "backup.working" : "backup.restore"), "backup.restore", true, form.working))
    actions.emplace_back(std::in_place_type<RestoreBackup>);
}

}  // namespace

void draw_backup_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const BackupForm& form = in.nav.backup;
  if (BackButton(m.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  Heading(m.get(lang, "backup.heading"), 1);
  Paragraph(m.get(lang, "backup.lead"));
  // What the last try did, on top where the eye and a screen reader land after the button.
  if (!form.message_key.empty()) {
    const std::vector<std::pair<std::string_view, std::string>> params(form.params.begin(), form.params.end());
    if (form.failed) Alert(m.format(lang, form.message_key, params));
    else Status(m.format(lang, form.message_key, params));
    if (form.message_key == "backup.restored" && Button(m.get(lang, "home.my_applications"), "applications.open"))
      actions.push_back(OpenApplications{});
  }
  Separator();
  draw_make(in, lang, actions);
  Separator();
  draw_restore(in, lang, actions);
}

}  // namespace madoguchi::ui
