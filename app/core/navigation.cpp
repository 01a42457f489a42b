// Moving between screens keeps a history so "back" returns where the resident came from; a form's
// answers live in its draft until the application is sent.
#include "navigation.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "draft_id.hpp"
#include "rating.hpp"

namespace madoguchi {
namespace {

void go(Navigation& nav, Route next) {
  if (next == nav.current) return;
  nav.history.push_back(nav.current);
  nav.current = std::move(next);
}

void go_back(Navigation& nav) {
  if (nav.history.empty()) {
    nav.current = Route{};
  } else {
    nav.current = nav.history.back();
    nav.history.pop_back();
  }
}

// To the route just before this one, a step back rather than a new step: from a changed answer back to
// the review, the browser's back button then leaves the review rather than returning to the change.
void go_or_back(Navigation& nav, const Route& target) {
  if (!nav.history.empty() && nav.history.back() == target) go_back(nav);
  else go(nav, target);
}

Route form_route(const Navigation& nav, Screen screen, const std::string& draft_id) {
  const std::string& from = nav.current.event_id;
  return Route{screen, from, draft_id};
}

SentApplication* find_sent(Navigation& nav, const std::string& receipt) {
  for (auto& s : nav.sent)
    if (s.receipt == receipt) return &s;
  return nullptr;
}

QueuedApplication* find_queued(Navigation& nav, const std::string& submission_id) {
  for (auto& q : nav.outbox)
    if (q.submission_id() == submission_id) return &q;
  return nullptr;
}

bool is_queued(const Navigation& nav, const std::string& draft_id) {
  auto draft = nav.drafts.find(draft_id);
  return draft != nav.drafts.end() && !draft->second.queued.empty();
}

// Sealed: the form and its review are done, so back from the receipt screen goes to where the form was
// opened from.
void sealed(Navigation& nav, const ApplicationSealed& s) {
  FormDraft& draft = nav.drafts[s.draft_id];
  draft.queued = s.sealed->submission_id;
  draft.sending = FormDraft::Sending::Idle;
  QueuedApplication queued;
  queued.procedure_id = std::string(procedure_of(s.draft_id));
  queued.draft_id = s.draft_id;
  queued.queued_at = s.time;
  queued.sealed = s.sealed;
  nav.outbox.push_back(std::move(queued));
  std::erase_if(nav.history, [&](const Route& r) { return r.draft_id == s.draft_id; });
  // Sent together: the screen that sent it shows each one's receipt, so it stays.
  if (nav.current.screen == Screen::SendTogether &&
      std::find(nav.together.begin(), nav.together.end(), s.draft_id) != nav.together.end())
    return;
  const std::string from = nav.current.event_id;
  if (nav.current.draft_id == s.draft_id) nav.current = Route{Screen::Receipt, from, s.draft_id};
  else go(nav, Route{Screen::Receipt, from, s.draft_id});
}

// The endpoint holds it. Sent from the outbox in the background, so the resident stays where they are.
void sent(Navigation& nav, const SubmissionSent& s) {
  std::erase_if(nav.outbox, [&](const QueuedApplication& q) { return q.submission_id() == s.submission_id; });
  if (find_sent(nav, s.receipt)) return;
  SentApplication record;
  record.procedure_id = std::string(procedure_of(s.draft_id));
  record.draft_id = s.draft_id;
  record.receipt = s.receipt;
  record.sent_at = s.time;
  if (auto draft = nav.drafts.find(s.draft_id); draft != nav.drafts.end()) {
    record.corrects = draft->second.corrects;
    record.values = draft->second.values;
    nav.drafts.erase(draft);
  }
  nav.sent.push_back(std::move(record));
}

void start_sending(FormDraft& draft) {
  draft.sending = FormDraft::Sending::Sending;
  draft.error_key.clear();
  draft.error_params.clear();
}

// Not sealed, or refused for good: the draft opens again with the reason beside 送信する.
void failed(Navigation& nav, const SubmissionFailed& f) {
  FormDraft& draft = nav.drafts[f.draft_id];
  draft.sending = FormDraft::Sending::Failed;
  draft.error_key = f.message_key;
  draft.error_params = f.params;
  if (f.submission_id.empty()) return;
  std::erase_if(nav.outbox, [&](const QueuedApplication& q) { return q.submission_id() == f.submission_id; });
  if (draft.queued != f.submission_id) return;
  draft.queued.clear();
  if (nav.current.screen == Screen::Receipt && nav.current.draft_id == f.draft_id)
    nav.current.screen = Screen::Review;
}

void wipe(std::string& secret) {
  sodium_memzero(secret.data(), secret.size());
  secret.clear();
}

void wipe(BackupForm& form) {
  wipe(form.passphrase);
  wipe(form.confirm);
  wipe(form.restore_passphrase);
  form = BackupForm{};
}

void backup_message(BackupForm& form, std::string key, bool failed, std::map<std::string, std::string> params = {}) {
  form.working = false;
  form.message_key = std::move(key);
  form.failed = failed;
  form.params = std::move(params);
}

void backup(Navigation& nav, const Action& action) {
  BackupForm& form = nav.backup;
  if (const auto* text = std::get_if<SetBackupText>(&action)) {
    std::string& field = text->field == BackupField::Passphrase ? form.passphrase
                         : text->field == BackupField::Confirm  ? form.confirm
                                                                : form.restore_passphrase;
    wipe(field);
    field = text->value;
  } else if (std::holds_alternative<MakeBackup>(action)) {
    form.show_problems = true;
    form.message_key.clear();
    form.working = backup_passphrase_problem(form.passphrase).empty() &&
                   backup_confirm_problem(form.passphrase, form.confirm).empty();
  } else if (const auto* made = std::get_if<BackupMade>(&action)) {
    wipe(form.passphrase);
    wipe(form.confirm);
    form.show_problems = false;
    backup_message(form, "backup.made", false, {{"file", made->file_name}});
  } else if (const auto* chosen = std::get_if<BackupFileChosen>(&action)) {
    form.file_name = chosen->name;
    form.file = chosen->bytes;
    form.message_key.clear();
  } else if (std::holds_alternative<RestoreBackup>(action)) {
    form.message_key.clear();
    form.working = form.file != nullptr && !form.restore_passphrase.empty();
    if (!form.file) backup_message(form, "backup.error.no_file", true);
    else if (form.restore_passphrase.empty()) backup_message(form, "backup.error.no_passphrase", true);
  } else if (const auto* restored = std::get_if<BackupRestored>(&action)) {
    wipe(form.restore_passphrase);
    form.file.reset();
    form.file_name.clear();
    backup_message(form, "backup.restored", false,
                   {{"drafts", std::to_string(restored->drafts)},
                    {"queued", std::to_string(restored->queued)},
                    {"sent", std::to_string(restored->sent)}});
  } else if (const auto* failed = std::get_if<BackupFailed>(&action)) {
    backup_message(form, failed->message_key, true);
  }
}

void attachments(Navigation& nav, const Action& action) {
  if (const auto* preparing = std::get_if<AttachmentPreparing>(&action)) {
    FormDraft& draft = nav.drafts[preparing->draft_id];
    draft.attaching = preparing->path;
    draft.attach_errors.erase(preparing->path);
  } else if (const auto* picked = std::get_if<AttachmentPicked>(&action)) {
    FormDraft& draft = nav.drafts[picked->draft_id];
    nav.files[picked->file->id] = picked->file;
    draft.values.set(picked->path, picked->file->id);
    draft.attach_errors.erase(picked->path);
    if (draft.attaching == picked->path) draft.attaching.clear();
  } else if (const auto* failed = std::get_if<AttachmentFailed>(&action)) {
    FormDraft& draft = nav.drafts[failed->draft_id];
    draft.attach_errors[failed->path] = failed->message_key;
    if (draft.attaching == failed->path) draft.attaching.clear();
  } else if (const auto* removed = std::get_if<RemoveAttachment>(&action)) {
    FormDraft& draft = nav.drafts[removed->draft_id];
    draft.values.set(removed->path, "");
    draft.attach_errors.erase(removed->path);
  }
}

// A file stays while a draft names it: removed, replaced, sent or deleted with its draft, it goes.
void drop_unnamed_files(Navigation& nav) {
  std::set<std::string_view> named;
  for (const auto& [id, draft] : nav.drafts)
    for (const auto& [path, value] : draft.values.all())
      if (nav.files.count(value)) named.insert(value);
  std::erase_if(nav.files, [&](const auto& file) { return !named.count(file.first); });
}

// A review needs a draft and a receipt a sent application; without them (a link opened later, back
// after sending) the form is the screen that makes sense.
Route reachable(const Navigation& nav, Route route) {
  const bool has_draft = nav.drafts.count(route.draft_id) != 0;
  const bool was_sent = std::any_of(nav.sent.begin(), nav.sent.end(),
                                    [&](const SentApplication& s) { return s.draft_id == route.draft_id; });
  // Waiting in the outbox: the receipt screen says where it stands; its sealed answers are not changed.
  if (route.screen != Screen::Home && route.screen != Screen::Event && route.screen != Screen::Applications &&
      is_queued(nav, route.draft_id))
    return Route{Screen::Receipt, route.event_id, route.draft_id};
  if (route.screen == Screen::Review && !has_draft) route.screen = Screen::Form;
  if (route.screen == Screen::Receipt && !was_sent) route.screen = Screen::Form;
  if ((route.screen == Screen::Form || route.screen == Screen::Review) && was_sent && !has_draft) {
    route = route.event_id.empty() ? Route{} : Route{Screen::Event, route.event_id, {}};
  }
  return route;
}

}  // namespace

void apply(Navigation& nav, const Action& action) {
  if (const auto* open = std::get_if<OpenEvent>(&action)) {
    go(nav, Route{Screen::Event, open->event_id, {}});
    nav.checklist_focus = open->procedure_id;
  } else if (std::holds_alternative<ChecklistEntryShown>(action)) {
    nav.checklist_focus.clear();
  } else if (const auto* search = std::get_if<SetSearch>(&action)) {
    nav.search = search->text;
  } else if (std::holds_alternative<OpenSettings>(action)) {
    go(nav, Route{Screen::Settings, {}, {}});
  } else if (const auto* size = std::get_if<SetTextSize>(&action)) {
    nav.display.text_percent = nearest_text_percent(size->percent);
  } else if (const auto* contrast = std::get_if<SetHighContrast>(&action)) {
    nav.display.high_contrast = contrast->on;
  } else if (const auto* era = std::get_if<SetWareki>(&action)) {
    nav.display.wareki = era->on;
  } else if (std::holds_alternative<GoBack>(action)) {
    go_back(nav);
  } else if (const auto* lang = std::get_if<SetLanguage>(&action)) {
    nav.language = lang->language;
  } else if (const auto* date = std::get_if<SetEventDate>(&action)) {
    nav.answers[date->event_id].event_date = date->date;
  } else if (const auto* answer = std::get_if<AnswerQuestion>(&action)) {
    nav.answers[answer->event_id].answers[answer->question_id] = answer->value;
  } else if (const auto* open_form = std::get_if<OpenForm>(&action)) {
    Route form = form_route(nav, Screen::Form, draft_to_open(nav, open_form->procedure_id));
    form.page = open_form->page;
    go(nav, reachable(nav, form));
  } else if (const auto* open_draft = std::get_if<OpenDraft>(&action)) {
    Route form = form_route(nav, Screen::Form, open_draft->draft_id);
    form.page = open_draft->page;
    go(nav, reachable(nav, form));
  } else if (const auto* another = std::get_if<NewDraft>(&action)) {
    const std::string id = new_draft_id(nav, another->procedure_id);
    nav.drafts[id];
    go(nav, form_route(nav, Screen::Form, id));
  } else if (const auto* set = std::get_if<SetFieldValue>(&action)) {
    nav.drafts[set->draft_id].values.set(set->path, set->value);
  } else if (const auto* add = std::get_if<AddGroupItem>(&action)) {
    FormValues& values = nav.drafts[add->draft_id].values;
    values.set_item_count(add->group_path, values.item_count(add->group_path) + 1);
  } else if (const auto* remove = std::get_if<RemoveGroupItem>(&action)) {
    nav.drafts[remove->draft_id].values.remove_item(remove->group_path, remove->index);
  } else if (const auto* problems = std::get_if<ShowProblems>(&action)) {
    nav.drafts[problems->draft_id].show_problems = true;
  } else if (const auto* next_page = std::get_if<OpenFormPage>(&action)) {
    nav.drafts[next_page->draft_id].show_problems = next_page->show_problems;
    Route page = form_route(nav, Screen::Form, next_page->draft_id);
    page.page = next_page->page;
    go_or_back(nav, page);
  } else if (const auto* review = std::get_if<OpenReview>(&action)) {
    FormDraft& draft = nav.drafts[review->draft_id];
    const Route to = draft.changing_from.value_or(form_route(nav, Screen::Review, review->draft_id));
    draft.changing_from.reset();
    go_or_back(nav, to);
  } else if (const auto* change = std::get_if<ChangeAnswer>(&action)) {
    FormDraft& draft = nav.drafts[change->draft_id];
    draft.scroll_to = change->path;
    draft.changing_from = nav.current;
    Route form = form_route(nav, Screen::Form, change->draft_id);
    form.page = change->page;
    go_or_back(nav, form);
  } else if (const auto* scroll = std::get_if<ScrollToField>(&action)) {
    nav.drafts[scroll->draft_id].scroll_to = scroll->path;
  } else if (const auto* url = std::get_if<FollowUrl>(&action)) {
    go_or_back(nav, reachable(nav, url->route));
  } else if (const auto* submit = std::get_if<SubmitApplication>(&action)) {
    start_sending(nav.drafts[submit->draft_id]);
  } else if (const auto* open_together = std::get_if<OpenSendTogether>(&action)) {
    nav.together.clear();
    go(nav, Route{Screen::SendTogether, open_together->event_id, {}});
  } else if (const auto* together = std::get_if<SubmitTogether>(&action)) {
    nav.together = together->draft_ids;
    for (const auto& id : together->draft_ids) start_sending(nav.drafts[id]);
  } else if (const auto* sealed_one = std::get_if<ApplicationSealed>(&action)) {
    sealed(nav, *sealed_one);
  } else if (const auto* started = std::get_if<SendStarted>(&action)) {
    if (auto* q = find_queued(nav, started->submission_id)) q->state = QueuedApplication::State::Sending;
  } else if (const auto* deferred = std::get_if<SendDeferred>(&action)) {
    if (auto* q = find_queued(nav, deferred->submission_id)) {
      q->state = QueuedApplication::State::Waiting;
      ++q->attempts;
      q->last_error = deferred->message_key;
    }
  } else if (const auto* remove_draft = std::get_if<DeleteDraft>(&action)) {
    nav.deleting = remove_draft->confirmed ? std::string() : remove_draft->draft_id;
    if (remove_draft->confirmed && !is_queued(nav, remove_draft->draft_id)) nav.drafts.erase(remove_draft->draft_id);
  } else if (std::holds_alternative<CancelDeleteDraft>(action)) {
    nav.deleting.clear();
  } else if (const auto* network = std::get_if<NetworkChanged>(&action)) {
    nav.online = network->online;
  } else if (const auto* ok = std::get_if<SubmissionSent>(&action)) {
    sent(nav, *ok);
  } else if (std::holds_alternative<OpenApplications>(action)) {
    go(nav, Route{Screen::Applications, {}, {}});
  } else if (const auto* check = std::get_if<CheckStatus>(&action)) {
    if (auto* s = find_sent(nav, check->receipt)) {
      s->checking = true;
      s->error_key.clear();
    }
  } else if (const auto* checked = std::get_if<StatusChecked>(&action)) {
    if (auto* s = find_sent(nav, checked->receipt)) {
      s->checking = false;
      s->status = checked->status;
      s->notes = checked->notes;
    }
  } else if (const auto* unchecked = std::get_if<StatusCheckFailed>(&action)) {
    if (auto* s = find_sent(nav, unchecked->receipt)) {
      s->checking = false;
      s->error_key = unchecked->message_key;
    }
  } else if (const auto* rate = std::get_if<RateApplication>(&action)) {
    // One rating per application: the ward's counts would not know a changed mind from a second voice.
    if (auto* s = find_sent(nav, rate->receipt); s && s->rating == 0 && is_rating_score(rate->score)) s->rating = rate->score;
  } else if (const auto* rated = std::get_if<RatingSent>(&action)) {
    if (auto* s = find_sent(nav, rated->receipt)) s->rating_sent = true;
  } else if (const auto* correct = std::get_if<CorrectApplication>(&action)) {
    const SentApplication* original = find_sent(nav, correct->receipt);
    if (!original) return;
    FormDraft draft;
    draft.values = original->values;
    draft.corrects = original->receipt;
    const std::string id = new_draft_id(nav, original->procedure_id);
    nav.drafts[id] = std::move(draft);
    go(nav, Route{Screen::Form, {}, id});
  } else if (const auto* edited = std::get_if<DraftsEdited>(&action)) {
    for (const auto& id : edited->draft_ids)
      if (auto draft = nav.drafts.find(id); draft != nav.drafts.end()) draft->second.edited = edited->time;
  } else if (const auto* dismiss = std::get_if<DismissSetAside>(&action)) {
    if (auto draft = nav.drafts.find(dismiss->draft_id); draft != nav.drafts.end()) draft->second.set_aside.clear();
  } else if (std::holds_alternative<UpdateReady>(action)) {
    nav.update_ready = true;
  } else if (std::holds_alternative<DeviceSaved>(action)) {
    nav.storage_problem.clear();
  } else if (const auto* storage = std::get_if<DeviceStorageFailed>(&action)) {
    nav.storage_problem = storage->message_key;
  } else if (const auto* refused = std::get_if<SubmissionFailed>(&action)) {
    failed(nav, *refused);
  } else if (std::holds_alternative<OpenBackup>(action)) {
    go(nav, Route{Screen::Backup, {}, {}});
  } else {
    backup(nav, action);
    attachments(nav, action);
  }
  if (!nav.files.empty()) drop_unnamed_files(nav);
  // Passphrases are not kept a moment longer than the screen that asked for them.
  if (nav.current.screen != Screen::Backup) wipe(nav.backup);
}

std::string backup_passphrase_problem(std::string_view passphrase) {
  std::size_t characters = 0;
  for (unsigned char c : passphrase) characters += (c & 0xC0) != 0x80;
  if (characters == 0) return "backup.error.passphrase_empty";
  if (characters < kBackupPassphraseMin) return "backup.error.passphrase_short";
  return {};
}

std::string backup_confirm_problem(std::string_view passphrase, std::string_view confirm) {
  return passphrase == confirm ? std::string() : "backup.error.confirm";
}

}  // namespace madoguchi
