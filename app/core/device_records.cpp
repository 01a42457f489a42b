// Drafts and the session to and from JSON; a draft meets the catalog it was not written for by field path.
#include "device_records.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>

#include "draft_id.hpp"
#include "json_text.hpp"
#include "rating.hpp"
#include "route_url.hpp"

namespace madoguchi {
namespace {

namespace json = boost::json;

constexpr const char* kDraftFormat = "madoguchi-draft/1";
constexpr const char* kSessionFormat = "madoguchi-session/1";
constexpr const char* kSentFormat = "madoguchi-sent/1";

json::object string_map(const std::map<std::string, std::string, std::less<>>& values) {
  json::object out;
  for (const auto& [key, value] : values) out[key] = value;
  return out;
}

std::map<std::string, std::string, std::less<>> read_string_map(const json::object& parent, std::string_view key) {
  std::map<std::string, std::string, std::less<>> out;
  const json::value* member = parent.if_contains(key);
  if (!member || !member->is_object()) return out;
  for (const auto& [k, v] : member->get_object())
    if (v.is_string()) out.emplace(std::string(k), std::string(v.get_string()));
  return out;
}

json::object item_counts(const FormValues& values) {
  json::object items;
  for (const auto& [group, count] : values.item_counts()) items[group] = count;
  return items;
}

// Group sizes of a form as the resident left it; with `form`, only groups the form still has.
void read_item_counts(const json::object& o, const FormSpec* form, FormValues& values) {
  const auto* items = o.if_contains("items");
  if (!items || !items->is_object()) return;
  for (const auto& [group, count] : items->get_object())
    if (count.is_int64() && count.get_int64() >= 0 && count.get_int64() < 1000 &&
        (!form || find_field_by_path(form->fields, group)))
      values.set_item_count(std::string(group), static_cast<int>(count.get_int64()));
}

// Records kept before there could be several drafts of a procedure have no "draft": the procedure's
// only draft had the procedure's id. "" for an id of another procedure or not an id at all.
std::string draft_id_member(const json::object& o, const std::string& procedure_id) {
  std::string id = string_member(o, "draft");
  if (id.empty()) return procedure_id;
  return is_draft_id(id) && procedure_of(id) == procedure_id ? id : std::string();
}

std::string draft_text(const std::string& draft_id, const FormDraft& draft) {
  json::object o{{"format", kDraftFormat},
                 {"procedure", procedure_of(draft_id)},
                 {"draft", draft_id},
                 {"edited", draft.edited},
                 {"values", string_map(draft.values.all())},
                 {"items", item_counts(draft.values)},
                 {"show_problems", draft.show_problems}};
  if (!draft.corrects.empty()) o["corrects"] = draft.corrects;
  if (!draft.queued.empty()) o["queued"] = draft.queued;
  if (!draft.set_aside.empty()) o["set_aside"] = string_map(draft.set_aside);
  return json::serialize(o);
}

std::string session_text(const Navigation& nav) {
  json::object answers;
  for (const auto& [event_id, a] : nav.answers) {
    json::object one{{"answers", string_map(a.answers)}};
    if (a.event_date) one["date"] = a.event_date->iso();
    answers[event_id] = std::move(one);
  }
  return json::serialize(json::object{{"format", kSessionFormat},
                                      {"screen", route_fragment(nav.current)},
                                      {"language", nav.language},
                                      {"display", json::object{{"text_percent", nav.display.text_percent},
                                                               {"high_contrast", nav.display.high_contrast},
                                                               {"wareki", nav.display.wareki}}},
                                      {"events", std::move(answers)}});
}

// A value stays on the form when a field of the current form has its path and, for a choice, still
// offers it; otherwise the resident sees it set aside.
bool fits_form(const FormSpec& form, const std::string& path, const std::string& value) {
  const FieldSpec* field = find_field_by_path(form.fields, path);
  if (!field || field->kind == FieldKind::Group) return false;
  if (field->kind != FieldKind::Choice) return true;
  for (const auto& option : field->options)
    if (option.value == value) return true;
  return false;
}

bool restore_draft(Navigation& nav, const Catalog& catalog, const json::object& o) {
  if (string_member(o, "format") != kDraftFormat) return false;
  const std::string procedure_id = string_member(o, "procedure");
  if (procedure_id.empty()) return false;
  const std::string draft_id = draft_id_member(o, procedure_id);
  if (draft_id.empty()) return false;
  FormDraft draft;
  draft.edited = string_member(o, "edited");
  draft.corrects = string_member(o, "corrects");
  draft.queued = string_member(o, "queued");
  draft.set_aside = read_string_map(o, "set_aside");
  if (const auto* shown = o.if_contains("show_problems"); shown && shown->is_bool()) draft.show_problems = shown->get_bool();
  const Procedure* procedure = catalog.find_procedure(procedure_id);
  const FormSpec* form = procedure && procedure->form ? &*procedure->form : nullptr;
  for (auto& [path, value] : read_string_map(o, "values")) {
    if (!form || fits_form(*form, path, value)) draft.values.set(path, value);
    else draft.set_aside[path] = value;
  }
  read_item_counts(o, form, draft.values);
  nav.drafts[draft_id] = std::move(draft);
  return true;
}

// A sent application keeps its answers exactly as sent: they are what a correction starts from.
std::string sent_text(const SentApplication& sent) {
  json::array notes;
  for (const auto& n : sent.notes) notes.push_back(json::object{{"sent", n.sent}, {"status", n.status}, {"text", n.text}});
  json::object o{{"format", kSentFormat},
                 {"procedure", sent.procedure_id},
                 {"draft", sent.draft_id},
                 {"receipt", sent.receipt},
                 {"sent_at", sent.sent_at},
                 {"values", string_map(sent.values.all())},
                 {"items", item_counts(sent.values)},
                 {"status", sent.status},
                 {"notes", std::move(notes)}};
  if (!sent.corrects.empty()) o["corrects"] = sent.corrects;
  if (sent.rating) {
    o["rating"] = sent.rating;
    o["rating_sent"] = sent.rating_sent;
  }
  return json::serialize(o);
}

bool restore_sent(Navigation& nav, const json::object& o) {
  if (string_member(o, "format") != kSentFormat) return false;
  SentApplication sent;
  sent.procedure_id = string_member(o, "procedure");
  sent.receipt = string_member(o, "receipt");
  if (sent.procedure_id.empty() || sent.receipt.empty()) return false;
  sent.draft_id = draft_id_member(o, sent.procedure_id);
  sent.corrects = string_member(o, "corrects");
  sent.sent_at = string_member(o, "sent_at");
  if (const std::string status = string_member(o, "status"); !status.empty()) sent.status = status;
  if (const auto* rating = o.if_contains("rating");
      rating && rating->is_int64() && rating->get_int64() >= kRatingMin && rating->get_int64() <= kRatingMax) {
    sent.rating = static_cast<int>(rating->get_int64());
    const auto* done = o.if_contains("rating_sent");
    sent.rating_sent = done && done->is_bool() && done->get_bool();
  }
  for (auto& [path, value] : read_string_map(o, "values")) sent.values.set(path, value);
  read_item_counts(o, nullptr, sent.values);
  if (const auto* notes = o.if_contains("notes"); notes && notes->is_array())
    for (const auto& n : notes->get_array())
      if (n.is_object())
        sent.notes.push_back(WardNote{string_member(n.get_object(), "sent"), string_member(n.get_object(), "status"),
                                      string_member(n.get_object(), "text")});
  nav.sent.push_back(std::move(sent));
  return true;
}

bool restore_queued(Navigation& nav, std::string_view text) {
  auto queued = read_outbox_record(text);
  if (queued) nav.outbox.push_back(std::move(*queued));
  return queued.has_value();
}

bool restore_session(Navigation& nav, const json::object& o, std::string& fragment) {
  if (string_member(o, "format") != kSessionFormat) return false;
  fragment = string_member(o, "screen");
  if (const std::string language = string_member(o, "language"); !language.empty()) nav.language = language;
  if (const json::value* display = o.if_contains("display"); display && display->is_object()) {
    const json::object& d = display->get_object();
    if (const auto* p = d.if_contains("text_percent"); p && p->is_int64())
      nav.display.text_percent = nearest_text_percent(static_cast<int>(std::clamp<std::int64_t>(p->get_int64(), 0, 1000)));
    if (const auto* c = d.if_contains("high_contrast"); c && c->is_bool()) nav.display.high_contrast = c->get_bool();
    if (const auto* w = d.if_contains("wareki"); w && w->is_bool()) nav.display.wareki = w->get_bool();
  }
  const json::value* events = o.if_contains("events");
  if (!events || !events->is_object()) return true;
  for (const auto& [event_id, v] : events->get_object()) {
    if (!v.is_object()) continue;
    EventAnswers a;
    a.answers = read_string_map(v.get_object(), "answers");
    a.event_date = CivilDate::parse_iso(string_member(v.get_object(), "date"));
    nav.answers[std::string(event_id)] = std::move(a);
  }
  return true;
}

}  // namespace

std::map<std::string, std::string> device_records(const Navigation& nav) {
  std::map<std::string, std::string> out;
  out[kSessionRecord] = session_text(nav);
  for (const auto& [draft_id, draft] : nav.drafts) out[kDraftRecordPrefix + draft_id] = draft_text(draft_id, draft);
  for (const auto& sent : nav.sent) out[kSentRecordPrefix + sent.receipt] = sent_text(sent);
  for (const auto& queued : nav.outbox) out[kOutboxRecordPrefix + queued.submission_id()] = outbox_record_text(queued);
  for (const auto& [id, file] : nav.files) out[kFileRecordPrefix + id] = file->record;
  return out;
}

RestoredRecords restore_device_records(Navigation& nav, const Catalog& catalog,
                                       const std::map<std::string, std::string>& records) {
  RestoredRecords restored;
  for (const auto& [id, text] : records) {
    if (id.starts_with(kFileRecordPrefix)) {
      auto file = read_file_record(std::string_view(id).substr(std::string_view(kFileRecordPrefix).size()), text);
      if (file) {
        std::string file_id = file->id;
        nav.files[file_id] = std::make_shared<const AttachedFile>(std::move(*file));
      }
      else restored.unreadable.push_back(id);
      continue;
    }
    const ParsedJson parsed = parse_json_text(text);
    bool ok = !parsed.error && parsed.value.is_object();
    if (ok && id == kSessionRecord) ok = restore_session(nav, parsed.value.get_object(), restored.fragment);
    else if (ok && id.starts_with(kDraftRecordPrefix)) ok = restore_draft(nav, catalog, parsed.value.get_object());
    else if (ok && id.starts_with(kSentRecordPrefix)) ok = restore_sent(nav, parsed.value.get_object());
    else if (ok && id.starts_with(kOutboxRecordPrefix)) ok = restore_queued(nav, text);
    else ok = false;
    if (!ok) restored.unreadable.push_back(id);
  }
  // A draft whose sealed copy did not come back can be sent again rather than wait for nothing.
  for (auto& entry : nav.drafts) {
    std::string& queued = entry.second.queued;
    if (!queued.empty() && std::none_of(nav.outbox.begin(), nav.outbox.end(),
                                        [&](const QueuedApplication& q) { return q.submission_id() == queued; }))
      queued.clear();
  }
  order_by_time(nav);
  return restored;
}

void order_by_time(Navigation& nav) {
  std::stable_sort(nav.outbox.begin(), nav.outbox.end(),
                   [](const QueuedApplication& a, const QueuedApplication& b) { return a.queued_at < b.queued_at; });
  // Oldest first, as they were sent: receipts carry no time, the records' order is by id.
  std::stable_sort(nav.sent.begin(), nav.sent.end(),
                   [](const SentApplication& a, const SentApplication& b) { return a.sent_at < b.sent_at; });
}

RecordChanges record_changes(const std::map<std::string, std::string>& saved,
                             const std::map<std::string, std::string>& now) {
  RecordChanges changes;
  for (const auto& [id, text] : now) {
    auto it = saved.find(id);
    if (it == saved.end() || it->second != text) changes.write.push_back(id);
  }
  for (const auto& [id, text] : saved)
    if (!now.count(id)) changes.remove.push_back(id);
  return changes;
}

}  // namespace madoguchi
