// A life event: when it happened, the questions that decide what applies, then the resident's
// checklist in order, each item with its due date, why it applies, and where it is done.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/checklist.hpp"
#include "core/date_text.hpp"
#include "core/draft_id.hpp"
#include "core/procedure_text.hpp"
#include "core/send_together.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace madoguchi::ui {
namespace {

void draw_event_date(const ViewInput& in, const LifeEvent& event, CivilDate date, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const std::string& lang = in.nav.language;
  Heading(event.event_date_label.in(lang), 2);
  std::string shown = format_date(date, m, lang, in.nav.display.wareki);
  if (date == in.today) shown += m.get(lang, "date.today_suffix");
  Paragraph(shown);
  // Steppers instead of a keyboard: most events are days old, and a tap is easier than typing a date.
  struct Step { const char* key; long days; };
  const Step steps[] = {{"date.previous_day", -1}, {"date.next_day", 1}, {"date.previous_week", -7}};
  for (std::size_t i = 0; i < std::size(steps); ++i) {
    if (i > 0) SameLineIfFits(m.get(lang, steps[i].key));
    if (Button(m.get(lang, steps[i].key), steps[i].key)) actions.push_back(SetEventDate{event.id, date.add_days(steps[i].days)});
  }
  if (date != in.today && Button(m.get(lang, "date.today"), "date.today")) actions.push_back(SetEventDate{event.id, in.today});
}

void draw_questions(const ViewInput& in, const LifeEvent& event, const EventAnswers& answers, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const std::string& lang = in.nav.language;
  for (const Question* q : questions_to_ask(event, answers)) {
    std::vector<std::string> labels, values;
    if (q->kind == Question::Kind::YesNo) {
      labels = {std::string(m.get(lang, "answer.yes")), std::string(m.get(lang, "answer.no"))};
      values = {"yes", "no"};
    } else {
      for (const auto& o : q->options) {
        labels.push_back(o.label.in(lang));
        values.push_back(o.value);
      }
    }
    auto current = answers.answers.find(q->id);
    int selected = -1;
    for (std::size_t i = 0; current != answers.answers.end() && i < values.size(); ++i)
      if (values[i] == current->second) selected = static_cast<int>(i);
    int chosen = RadioGroup(q->label.in(lang), "question-" + q->id, labels, selected);
    if (!q->hint.in(lang).empty()) SecondaryText(q->hint.in(lang));
    if (chosen >= 0) actions.push_back(AnswerQuestion{event.id, q->id, values[chosen]});
  }
}

void draw_item(const ViewInput& in, const ChecklistItem& item, int number, float* focus_y, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const std::string& lang = in.nav.language;
  const Procedure& p = *item.procedure;
  ImGui::PushID(p.id.c_str());
  Heading(std::to_string(number) + ". " + counter_name(p.title, lang), 3);
  if (in.nav.checklist_focus == p.id) *focus_y = ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
  if (item.entry->when) Paragraph(item.entry->why.in(lang));
  Paragraph(p.summary.in(lang));
  if (item.due) {
    Paragraph(m.format(lang, "due.by", {{"date", format_date(item.due->effective, m, lang, in.nav.display.wareki)},
                                        {"left", describe_days_left(days_left(in.today, item.due->effective), m, lang)}}));
    if (item.due->moved) SecondaryText(m.format(lang, "due.moved", {{"date", format_date(item.due->legal, m, lang, in.nav.display.wareki)}}));
  }
  SecondaryText(m.format(lang, "procedure.rule",
                         {{"deadline", describe_deadline(p.deadline, m, lang)}, {"basis", p.deadline.basis.in(lang)}}));
  SecondaryText(describe_channel(p.online, m, lang));
  if (!p.online.available) SecondaryText(p.online.instead.in(lang));
  // A counter procedure with a form can be filled in and sent ahead, so the counter only checks identity.
  const char* apply_key = p.online.available ? "procedure.apply_online" : "procedure.prepare_for_counter";
  if (p.form && Button(m.format(lang, apply_key, {{"procedure", counter_name(p.title, lang)}}), "apply"))
    actions.push_back(OpenForm{p.id, draft_resume_page(in, draft_to_open(in.nav, p.id))});
  SecondaryText(m.format(lang, "procedure.department", {{"department", p.department.in(lang)}}));
  SecondaryText(describe_fee(p.fee, m, lang));
  ImGui::PopID();
  Separator();
}

// Found by search: the page scrolls so that entry is on top, not the top of the event. A screen's first
// frame starts at the top and cannot scroll past the last screen's height, so it asks until the scroll
// has arrived there, or as far as the page goes.
void bring_up(float entry_y, std::vector<Action>& actions) {
  const float wanted = std::max(0.0f, entry_y - theme().section_gap);
  const float scroll = ImGui::GetScrollY();
  if (std::abs(scroll - wanted) <= 1.0f || (scroll > 0 && scroll >= ImGui::GetScrollMaxY() - 1.0f))
    actions.push_back(ChecklistEntryShown{});
  else
    ImGui::SetScrollY(wanted);
}

}  // namespace

const LifeEvent* EventScreenStart(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  if (BackButton(in.messages.get(lang, "nav.back"))) actions.emplace_back(std::in_place_type<GoBack>);
  const LifeEvent* event = in.catalog.find_event(in.nav.current.event_id);
  if (!event) Heading(in.messages.get(lang, "event.not_found"), 1);
  return event;
}

EventAnswers answers_for(const ViewInput& in, const LifeEvent& event) {
  auto it = in.nav.answers.find(event.id);
  return it == in.nav.answers.end() ? EventAnswers{} : it->second;
}

void draw_event_screen(const ViewInput& in, const std::string& lang, std::vector<Action>& actions) {
  const auto& m = in.messages;
  const LifeEvent* event = EventScreenStart(in, lang, actions);
  if (!event) return;
  EventAnswers answers = answers_for(in, *event);
  if (!answers.event_date) answers.event_date = in.today;

  Heading(event->title.in(lang), 1);
  CatalogLanguageNote(in, lang);
  Paragraph(event->summary.in(lang));
  Separator();
  draw_event_date(in, *event, *answers.event_date, actions);
  if (!event->questions.empty()) {
    Separator();
    Heading(m.get(lang, "event.questions_heading"), 2);
    draw_questions(in, *event, answers, actions);
  }
  Separator();
  Heading(m.get(lang, "event.procedures_heading"), 2);
  auto items = build_checklist(in.catalog, *event, answers);
  Paragraph(items.size() == 1 ? std::string(m.get(lang, "event.procedure_count_one"))
                               : m.format(lang, "event.procedure_count", {{"count", std::to_string(items.size())}}));
  if (Button(m.get(lang, "calendar.add"), "calendar.add")) actions.push_back(ExportCalendar{event->id});
  // Two or more forms filled in: checked on one screen and sent with one tap, rather than one by one.
  if (const auto ready = drafts_ready_to_send(in.catalog, *event, answers, in.nav); ready.size() >= 2) {
    const std::string count = std::to_string(ready.size());
    Paragraph(m.format(lang, "event.together_hint", {{"count", count}}));
    if (Button(m.format(lang, "event.together_open", {{"count", count}}), "together.open", true))
      actions.push_back(OpenSendTogether{event->id});
  }
  Separator();
  int number = 1;
  float focus_y = -1;  // where the entry a search found begins, in the page
  for (const auto& item : items) draw_item(in, item, number++, &focus_y, actions);
  if (focus_y >= 0) bring_up(focus_y, actions);
}

}  // namespace madoguchi::ui
