// The app's screens: life events, one event's procedures, an application form, checking the answers,
// the receipt, and the applications sent from this device.
#pragma once
#include <string>
#include <vector>

#include "app_view.hpp"
#include "core/draft_id.hpp"
#include "core/field_validation.hpp"

namespace madoguchi::ui {

void draw_home_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_event_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_form_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
// The page of a draft's form where the resident left off (core/form_pages.hpp's resume_page); 0 for a
// draft not started.
int draft_resume_page(const ViewInput& in, const std::string& draft_id);
void draw_review_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_receipt_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_applications_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_backup_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_settings_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
// Past home while the whole catalog is on its way (app_view.hpp, PastHome).
void draw_loading_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
void draw_send_together_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);

// The top of a screen about the route's life event: the back button, then the event; nullptr after saying
// it was not found (a link to an event the catalog no longer has).
const LifeEvent* EventScreenStart(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
// What the resident answered about `event` so far (nothing yet on a first visit).
EventAnswers answers_for(const ViewInput& in, const LifeEvent& event);

// A button for each language the UI speaks, named in itself: on top of home, at the foot of every other
// screen, so a resident switches in the middle of a form and finds what they typed still there.
void LanguageSwitch(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
// The way to text size, contrast and dates, beside the language switch wherever it is.
void SettingsLink(const ViewInput& in, const std::string& lang, std::vector<Action>& actions);
// Says, in the UI's language, that the catalog's texts are shown in another one (Korean UI, English
// procedures); draws nothing when the catalog has the UI's language.
void CatalogLanguageNote(const ViewInput& in, const std::string& lang);
// Where an application in the outbox stands (waiting, sending, the last try failed) and, when it waits
// while online, a button to send it now. `said_waiting`: the screen already says it waits.
void OutboxState(const ViewInput& in, const std::string& lang, const QueuedApplication& queued,
                 std::vector<Action>& actions, bool said_waiting = false);

// An attachment field of a form: the photo or file attached, small, with its name, size and a way to take
// it off; or the buttons that take one with the camera or from the phone. `error`: the field's problem.
struct AttachmentFieldSpec {
  std::string_view draft_id, path, label, hint, error;
  bool accepts_pdf = false;
  bool reveal = false;  // scroll the field into view this frame
};
void AttachmentField(const ViewInput& in, const std::string& lang, const AttachmentFieldSpec& field,
                     std::vector<Action>& actions);
// Every answer of a checked form that will be sent, as the resident reads it, each with a change button
// back to its field (none while it is being sent): under the titles of the form's pages as headings of
// `heading_level`, a repeat group's items a level below.
void AnswerRows(const ViewInput& in, const std::string& lang, const FormSpec& form, const CheckedForm& checked,
                const std::string& draft_id, bool can_change, int heading_level, std::vector<Action>& actions);
// An attached file as the review shows it: the photo small (or a PDF's box), its name and size.
void AttachedFileView(const ViewInput& in, const std::string& lang, const AttachedFile& file);

}  // namespace madoguchi::ui
