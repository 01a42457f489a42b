// Where the resident is in the app, what they have typed, and the actions that move them: screens
// draw this state and return actions; apply() is the only place the state changes.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "attached_files.hpp"
#include "checklist.hpp"
#include "display_settings.hpp"
#include "form_fields.hpp"
#include "outbox.hpp"

namespace madoguchi {

enum class Screen { Home, Event, Form, Review, Receipt, Applications, Backup, Settings, SendTogether };

struct Route {
  Screen screen = Screen::Home;
  std::string event_id;      // Event, SendTogether; for a form, the event it was opened from (may be empty)
  std::string draft_id;  // Form, Review, Receipt: which draft (core/draft_id.hpp)
  int page = 0;          // Form: which of its pages (core/form_pages.hpp), from 0
  bool operator==(const Route&) const = default;
};

// A life event's checklist; with `procedure_id` (a search hit for a procedure) that entry is brought into
// view once.
struct OpenEvent {
  std::string event_id;
  std::string procedure_id;
};
struct ChecklistEntryShown {};  // the entry OpenEvent asked for is in view
struct SetSearch { std::string text; };  // what the resident typed into home's search box
struct OpenSettings {};  // text size, contrast, dates, language
struct SetTextSize { int percent = 100; };
struct SetHighContrast { bool on = false; };
struct SetWareki { bool on = false; };
struct GoBack {};
struct SetLanguage { std::string language; };
struct SetEventDate { std::string event_id; CivilDate date; };
struct AnswerQuestion { std::string event_id, question_id, value; };
struct ExportCalendar { std::string event_id; };  // a side effect for the platform: a calendar file
// A procedure's "apply": opens the draft of it last changed (core/draft_id.hpp), or a new one, at `page`
// (where the resident left off: core/form_pages.hpp's resume_page).
struct OpenForm {
  std::string procedure_id;
  int page = 0;
};
struct OpenDraft {  // one draft from the list of drafts
  std::string draft_id;
  int page = 0;
};
// Another draft of the same procedure, beside the one open (a family member's form); the form opens.
struct NewDraft { std::string procedure_id; };
// The drafts of an event ready to go (core/send_together.hpp), checked on one screen.
struct OpenSendTogether { std::string event_id; };
// One confirmation for several drafts: each is sealed and sent as SubmitApplication does, and the screen
// stays to show where each one stands.
struct SubmitTogether { std::vector<std::string> draft_ids; };
struct SetFieldValue { std::string draft_id, path, value; };
struct AddGroupItem { std::string draft_id, group_path; };
struct RemoveGroupItem { std::string draft_id, group_path; int index = 0; };
// Side effect for the platform: the browser's file picker (`camera`: the phone's camera straight away),
// for a photo or, where the field takes one, a PDF. Once a file is chosen it answers AttachmentPreparing,
// then AttachmentPicked or AttachmentFailed.
struct PickAttachment {
  std::string draft_id, path;
  bool camera = false, pdf = false;
};
struct AttachmentPreparing { std::string draft_id, path; };  // a photo is being made smaller
struct AttachmentPicked {
  std::string draft_id, path;
  std::shared_ptr<const AttachedFile> file;
};
struct AttachmentFailed { std::string draft_id, path, message_key; };
struct RemoveAttachment { std::string draft_id, path; };
struct ShowProblems { std::string draft_id; };  // "continue" with problems: the summary and each error show
// "continue" on a page without problems: the next page of the form. With `show_problems`, the page is an
// earlier one whose answers no longer do (a rule with a later answer): its errors show at once.
struct OpenFormPage {
  std::string draft_id;
  int page = 0;
  bool show_problems = false;
};
struct OpenReview { std::string draft_id; };    // "continue" on a form without problems
// Back from a review to one field, on the page that asks it; that page's "continue" then returns to the
// review once the form is complete.
struct ChangeAnswer {
  std::string draft_id, path;
  int page = 0;
};
struct ScrollToField { std::string draft_id, path; };  // bring a field into view once; "" when done
// The browser went to `route` (back or forward button, a typed or shared link): one step back when it is
// the route before this one, otherwise a new step. A form's review or receipt with nothing to show
// opens the form instead.
struct FollowUrl { Route route; };
// Side effect for the platform: seal the draft and send it. It answers with SubmissionSent or
// SubmissionFailed.
struct SubmitApplication { std::string draft_id; };
// The application is sealed on the device and waits in the outbox; the receipt screen says so until the
// endpoint holds it. The platform sends it when it is online.
struct ApplicationSealed {
  std::string draft_id;
  std::shared_ptr<const SealedApplication> sealed;
  std::string time;  // UTC, ISO 8601
};
struct SendStarted { std::string submission_id; };
// No answer the device could use (no network, busy, a server error): it stays in the outbox for a retry.
struct SendDeferred { std::string submission_id, message_key; };
struct SendNow { std::string submission_id; };  // side effect for the platform: try now, not at the timer
struct NetworkChanged { bool online = true; };
// Deleting a draft asks first: unconfirmed, the list asks "delete this draft?"; confirmed, it is gone
// from this device. A draft waiting in the outbox is not deleted.
struct DeleteDraft {
  std::string draft_id;
  bool confirmed = false;
};
struct CancelDeleteDraft {};
struct OpenBackup {};  // the backup screen: make a backup file, or restore one
enum class BackupField { Passphrase, Confirm, RestorePassphrase };
struct SetBackupText { BackupField field; std::string value; };
// Side effect for the platform when the passphrase will do: seal every record into a file and offer it
// as a download. It answers with BackupMade or BackupFailed.
struct MakeBackup {};
struct BackupMade { std::string file_name; };
struct ChooseBackupFile {};  // side effect for the platform: the browser's file picker
struct BackupFileChosen {
  std::string name;
  std::shared_ptr<const std::vector<std::uint8_t>> bytes;
};
// Side effect for the platform: open the chosen file with the passphrase and add what it holds. It
// answers with BackupRestored or BackupFailed.
struct RestoreBackup {};
struct BackupRestored { int drafts = 0, queued = 0, sent = 0; };
struct BackupFailed { std::string message_key; };
struct SubmissionSent {
  std::string draft_id, receipt;
  std::string time;           // UTC, ISO 8601, when the endpoint answered
  std::string submission_id;  // the outbox entry it was
};
struct OpenApplications {};  // the applications sent from this device, with their status
// Side effect for the platform: ask the endpoint for a sent application's status; it answers with
// StatusChecked or StatusCheckFailed.
struct CheckStatus { std::string receipt; };
// The resident's one tap on "how easy was this?" for a sent application (core/rating.hpp); the platform
// sends it later, without the receipt, and answers RatingSent once the endpoint is done with it.
struct RateApplication {
  std::string receipt;
  int score = 0;
};
struct RatingSent { std::string receipt; };
struct WardNote {
  std::string sent;    // UTC time the ward sent it
  std::string status;  // the status it came with
  std::string text;    // empty when the note could not be opened with this device's key
};
struct StatusChecked {
  std::string receipt, status;
  std::vector<WardNote> notes;  // oldest first
};
struct StatusCheckFailed { std::string receipt, message_key; };
// Answer a 補正依頼: the sent answers come back as a draft to change and send again, linked to `receipt`.
struct CorrectApplication { std::string receipt; };
// These drafts changed at `time` (UTC, ISO 8601), as the drafts list shows; the platform stamps them
// just before it saves them.
struct DraftsEdited {
  std::vector<std::string> draft_ids;
  std::string time;
};
struct DeviceSaved {};  // the device keeps what the resident typed again, after a failure
struct DismissSetAside { std::string draft_id; };  // the resident has seen the answers an old form kept
struct UpdateReady {};  // a new version of the app is installed and waiting
struct ApplyUpdate {};  // side effect for the platform: save, then reload into the new version
struct RetryLoading {};  // side effect for the platform: ask again for what screens past home wait for
// The device could not keep what the resident typed (storage full, blocked or unreadable): every screen
// says so until a save succeeds. What is on screen stays in memory.
struct DeviceStorageFailed { std::string message_key; };
// The application could not be sealed, or the endpoint refused it for good: the draft is back to change
// and send again, with the reason.
struct SubmissionFailed {
  std::string draft_id;
  std::string message_key;  // what the resident reads: what happened and what to do ("send.error.*")
  std::map<std::string, std::string> params;
  std::string submission_id;  // the outbox entry the endpoint refused, if it got that far
};
using Action = std::variant<OpenEvent, SetSearch, OpenSettings, SetTextSize, SetHighContrast, SetWareki, GoBack, SetLanguage, SetEventDate, AnswerQuestion, ExportCalendar, OpenForm, NewDraft, OpenDraft,
                            SetFieldValue, AddGroupItem, RemoveGroupItem, ShowProblems, OpenFormPage, OpenReview, ChangeAnswer,
                            ScrollToField, FollowUrl, SubmitApplication, SubmissionSent, SubmissionFailed,
                            OpenApplications, CheckStatus, StatusChecked, StatusCheckFailed, CorrectApplication,
                            DraftsEdited, DeviceSaved, DeviceStorageFailed, DismissSetAside, UpdateReady,
                            ApplyUpdate, RetryLoading, ApplicationSealed, SendStarted, SendDeferred, SendNow, NetworkChanged,
                            DeleteDraft, CancelDeleteDraft, OpenBackup, SetBackupText, MakeBackup, BackupMade,
                            ChooseBackupFile, BackupFileChosen, RestoreBackup, BackupRestored, BackupFailed,
                            PickAttachment, AttachmentPreparing, AttachmentPicked, AttachmentFailed, RemoveAttachment,
                            RateApplication, RatingSent, OpenSendTogether, SubmitTogether, ChecklistEntryShown>;

// One application being filled in, from the first answer to its receipt.
struct FormDraft {
  FormValues values;
  // Set by a "continue" with problems; the page's errors stay shown from then on, until the next page.
  bool show_problems = false;
  // Opened to change one answer (ChangeAnswer) from the draft's review or the send-together screen: where
  // "continue" goes back to once nothing is missing.
  std::optional<Route> changing_from;
  std::string scroll_to;       // a field path the form screen brings into view once
  enum class Sending { Idle, Sending, Failed } sending = Sending::Idle;
  std::string error_key;  // Failed: the message key
  std::map<std::string, std::string> error_params;
  std::string corrects;  // the receipt this application corrects, when it answers a 補正依頼
  std::string queued;    // its submission id while it waits in the outbox; the form is closed meanwhile
  std::string edited;    // UTC time of the last saved change, "" before the first save
  // Answers from an older version of this form whose field (or choice) the current form no longer has:
  // kept and shown to the resident, by their old field path.
  std::map<std::string, std::string, std::less<>> set_aside;
  std::string attaching;  // the attachment field whose photo is being made smaller
  std::map<std::string, std::string, std::less<>> attach_errors;  // by field path: why the last file was not taken
};

struct SentApplication {
  std::string procedure_id, receipt;
  std::string draft_id;  // the draft it was sent from: its receipt screen's address
  std::string corrects;  // the receipt it corrected, if any
  std::string sent_at;   // UTC, ISO 8601
  FormValues values;     // the answers as typed, kept on the device to correct them later
  std::string status = "new";  // as last heard from the endpoint
  std::vector<WardNote> notes;
  bool checking = false;
  std::string error_key;  // the last check failed: what the resident reads
  int rating = 0;            // 1 to 5 as the resident rated it, 0 when not (yet)
  bool rating_sent = false;  // the endpoint counted it (or refused it for good)
};

// The backup screen as the resident left it. The passphrases are wiped once used and when the screen closes.
struct BackupForm {
  std::string passphrase, confirm;  // for a new backup file
  std::string restore_passphrase;   // for the file picked
  std::string file_name;            // the file picked to restore, "" before one is
  std::shared_ptr<const std::vector<std::uint8_t>> file;
  bool show_problems = false;       // a try with a passphrase that will not do: say what is wrong beside it
  bool working = false;             // Argon2id is running
  std::string message_key;          // what the last try did: "backup.made", "backup.restored" or "backup.error.*"
  std::map<std::string, std::string> params;
  bool failed = false;              // message_key says what went wrong
};

// Characters (not bytes) a backup passphrase needs: Argon2id slows guessing, it cannot make "1234" safe.
inline constexpr std::size_t kBackupPassphraseMin = 10;
// "" when `passphrase` will do for a new backup file, else the message key that says why not.
std::string backup_passphrase_problem(std::string_view passphrase);
std::string backup_confirm_problem(std::string_view passphrase, std::string_view confirm);

struct Navigation {
  Route current;
  std::vector<Route> history;  // routes to go back to, oldest first
  std::string language = "ja";
  std::map<std::string, EventAnswers, std::less<>> answers;  // by life event id
  std::map<std::string, FormDraft, std::less<>> drafts;      // by draft id (core/draft_id.hpp)
  std::vector<QueuedApplication> outbox;                     // sealed, not yet held by the endpoint; oldest first
  std::vector<SentApplication> sent;                         // oldest first
  AttachedFiles files;  // by id: every file a draft's attachment field names, and no other
  bool online = true;           // as the browser last said: sending and status checks wait for it
  std::string deleting;         // the draft the resident is asked to confirm deleting
  std::string storage_problem;  // message key ("storage.error.*") while the device cannot keep drafts
  bool update_ready = false;    // offered outside forms, so a reload never comes in the middle of typing
  BackupForm backup;
  std::string search;  // home's search box (core/catalog_search.hpp)
  std::vector<std::string> together;  // the drafts last sent together, while their screen shows them
  std::string checklist_focus;        // the procedure the checklist brings into view once (OpenEvent)
  DisplaySettings display;
};

void apply(Navigation& nav, const Action& action);

}  // namespace madoguchi
