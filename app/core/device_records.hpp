// What the device keeps for the resident between visits, as JSON texts by record id: one record per
// draft ("draft/<draft id>", core/draft_id.hpp), one per sent application ("sent/<receipt>": its answers, to correct
// them, and its last known status and notes), one per application waiting in the outbox
// ("outbox/<submission id>", core/outbox.hpp), one per attached photo or file ("file/<id>",
// core/attached_files.hpp) and one for the session ("session": the screen, the
// language and the answers to life-event questions). crypto/device_record.hpp seals each text at rest.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "navigation.hpp"

namespace madoguchi {

inline constexpr const char* kSessionRecord = "session";
inline constexpr const char* kDraftRecordPrefix = "draft/";
inline constexpr const char* kSentRecordPrefix = "sent/";

// Every record `nav` should have on the device now. A draft keeps its last edit time (FormDraft::edited).
std::map<std::string, std::string> device_records(const Navigation& nav);

struct RestoredRecords {
  std::string fragment;                  // the screen the session was on ("#/event/birth"), or ""
  std::vector<std::string> unreadable;   // record ids whose text could not be read; they are left as they are
};

// Puts the records back into `nav`: drafts and their values (each moved onto the catalog's current form by
// field path; a value whose field or choice is gone goes to the draft's set_aside, never dropped), the
// language and the event answers. The screen is returned, not entered: the platform decides whether a link
// the resident opened wins.
RestoredRecords restore_device_records(Navigation& nav, const Catalog& catalog,
                                       const std::map<std::string, std::string>& records);

// The outbox and the sent applications oldest first, as the lists show them: after records were read.
void order_by_time(Navigation& nav);

// What a save must write and delete to bring the device from `saved` to `now`.
struct RecordChanges {
  std::vector<std::string> write;   // new or changed
  std::vector<std::string> remove;  // on the device but no longer in `now`
  bool empty() const { return write.empty() && remove.empty(); }
};
RecordChanges record_changes(const std::map<std::string, std::string>& saved,
                             const std::map<std::string, std::string>& now);

}  // namespace madoguchi
