// The backup's plaintext is JSON: {"format", "made", "records": {record id: record text}}, each record
// exactly as the device keeps it, so a restore reads it with the same code as a reload.
#include "backup_contents.hpp"

#include <boost/json.hpp>
#include <sodium.h>

#include <algorithm>

#include "device_records.hpp"
#include "draft_id.hpp"
#include "json_text.hpp"
#include "outbox.hpp"
#include "outgoing_submission.hpp"
#include "secret_json.hpp"

namespace madoguchi {
namespace {

namespace json = boost::json;

constexpr const char* kBackupContentsFormat = "madoguchi-backup/1";

bool kept_in_backup(const std::string& id) {
  for (const char* prefix : {kDraftRecordPrefix, kSentRecordPrefix, kOutboxRecordPrefix, kSentKeysRecordPrefix, kFileRecordPrefix})
    if (id.starts_with(prefix)) return true;
  return false;
}

bool same_answers(const FormDraft& a, const FormDraft& b) {
  return a.values.all() == b.values.all() && a.values.item_counts() == b.values.item_counts() &&
         a.set_aside == b.set_aside;
}

bool has_queued(const Navigation& nav, const std::string& submission_id) {
  return std::any_of(nav.outbox.begin(), nav.outbox.end(),
                     [&](const QueuedApplication& q) { return q.submission_id() == submission_id; });
}

bool has_sent(const Navigation& nav, const std::string& receipt) {
  return std::any_of(nav.sent.begin(), nav.sent.end(), [&](const SentApplication& s) { return s.receipt == receipt; });
}

}  // namespace

void wipe_texts(std::map<std::string, std::string>& texts) {
  for (auto& [id, text] : texts) sodium_memzero(text.data(), text.size());
}

std::string backup_contents(const std::map<std::string, std::string>& records, std::string_view made_at) {
  json::object kept;
  for (const auto& [id, text] : records)
    if (kept_in_backup(id)) kept[id] = text;
  json::object o{{"format", kBackupContentsFormat}, {"made", made_at}};
  o["records"] = std::move(kept);  // their copies hold reply secret keys
  return serialize_secret_json(std::move(o));
}

BackupRestore restore_backup_contents(Navigation& nav, const Catalog& catalog, std::string_view text) {
  BackupRestore result;
  SecretJson parsed(text);  // the records hold reply secret keys
  json::object* backup = parsed.object();
  if (!backup) return result;
  json::object& o = *backup;
  json::value* records = o.if_contains("records");
  if (string_member(o, "format") != kBackupContentsFormat || !records || !records->is_object()) return result;
  std::map<std::string, std::string> app_records, key_records;
  for (const auto& [id, value] : records->get_object()) {
    if (!value.is_string() || !kept_in_backup(std::string(id))) continue;
    const std::string record_id(id);
    (record_id.starts_with(kSentKeysRecordPrefix) ? key_records : app_records)[record_id] = std::string(value.get_string());
  }
  result.ok = true;

  Navigation incoming;
  restore_device_records(incoming, catalog, app_records);
  wipe_texts(app_records);
  for (auto& [id, draft] : incoming.drafts) {
    if (!draft.queued.empty() && has_queued(nav, draft.queued)) continue;
    auto here = nav.drafts.find(id);
    if (here != nav.drafts.end() && same_answers(here->second, draft)) continue;
    const std::string target = here == nav.drafts.end() ? id : new_draft_id(nav, procedure_of(id));
    for (auto& q : incoming.outbox)
      if (q.submission_id() == draft.queued) q.draft_id = target;
    if (draft.queued.empty()) ++result.drafts;
    nav.drafts[target] = std::move(draft);
  }
  // A file keeps its random id wherever it goes: the drafts that came in name it by that id.
  for (auto& [id, file] : incoming.files) nav.files.emplace(id, std::move(file));
  for (auto& q : incoming.outbox) {
    if (has_queued(nav, q.submission_id())) continue;
    nav.outbox.push_back(std::move(q));
    ++result.queued;
  }
  for (auto& s : incoming.sent) {
    if (has_sent(nav, s.receipt)) continue;
    if (auto keys = key_records.find(kSentKeysRecordPrefix + s.receipt); keys != key_records.end())
      result.key_records.insert(*keys);
    nav.sent.push_back(std::move(s));
    ++result.sent;
  }
  wipe_texts(key_records);
  order_by_time(nav);
  return result;
}

}  // namespace madoguchi
