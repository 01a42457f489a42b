// Each entry's UID names the event, its date and the procedure, so importing an updated checklist
// replaces the entries instead of doubling them.
#include "checklist_calendar.hpp"

#include "date_text.hpp"
#include "procedure_text.hpp"

namespace madoguchi {

std::vector<CalendarEntry> checklist_calendar(const std::vector<ChecklistItem>& items, const LifeEvent& event,
                                              CivilDate event_date, const Messages& m, std::string_view lang) {
  std::vector<CalendarEntry> out;
  for (const auto& item : items) {
    if (!item.due) continue;
    const Procedure& p = *item.procedure;
    std::string description = event.title.in(lang) + "\n" +
                              m.format(lang, "procedure.deadline", {{"deadline", describe_deadline(p.deadline, m, lang)}}) +
                              " (" + p.deadline.basis.in(lang) + ")\n" + describe_channel(p.online, m, lang) + "\n" +
                              m.format(lang, "procedure.department", {{"department", p.department.in(lang)}});
    out.push_back({event.id + "-" + event_date.iso() + "-" + p.id + "@madoguchi", item.due->effective,
                   m.format(lang, "calendar.summary", {{"procedure", counter_name(p.title, lang)}}), description});
  }
  return out;
}

std::string checklist_icalendar(const Catalog& catalog, const LifeEvent& event, const EventAnswers& answers,
                                const Messages& m, std::string_view lang, std::string_view dtstamp_utc) {
  if (!answers.event_date) return {};
  auto items = build_checklist(catalog, event, answers);
  return to_icalendar(checklist_calendar(items, event, *answers.event_date, m, lang), dtstamp_utc);
}

}  // namespace madoguchi
