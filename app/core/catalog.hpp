// The procedure catalog in memory: life events and the procedures they need (assets/catalog/README.md).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "condition.hpp"
#include "form_fields.hpp"
#include "localized_text.hpp"

namespace madoguchi {

enum class DeadlineRule { WithinDays, BeforeEvent, None };

struct Deadline {
  DeadlineRule rule = DeadlineRule::None;
  int days = 0;                  // WithinDays only
  bool count_first_day = false;  // WithinDays only: true where the law counts the day of the event
  LocalizedText from;            // WithinDays only: the day the count starts from
  LocalizedText basis;           // the article of law
};

// Why a procedure cannot be done online: the three criteria wards use (shared/design/domain.md).
enum class OfflineReason { LawRequiresPresence, OtherBodyRule, PaperContractOrPayment };

struct OnlineAvailability {
  bool available = false;
  std::optional<OfflineReason> reason;  // set when not available
  LocalizedText instead;                // what to do instead, when not available
};

struct Fee {
  long long yen = 0;
  std::optional<LocalizedText> note;
};

struct Procedure {
  std::string id;
  LocalizedText title, summary, department, who_may_apply;
  Deadline deadline;
  OnlineAvailability online;
  std::vector<LocalizedText> documents;
  Fee fee;
  std::vector<std::string> after;  // procedures to do first when they are on the same checklist
  std::optional<FormSpec> form;    // the application, or the answers to prepare for the counter
  std::vector<std::string> search_terms;  // core/catalog_search.hpp
};

// A question the navigator asks to learn which procedures of an event apply.
struct Question {
  enum class Kind { YesNo, Choice };
  std::string id;
  Kind kind = Kind::YesNo;
  LocalizedText label, hint;
  std::vector<ChoiceOption> options;  // Choice
  std::optional<Condition> when;  // ask only when earlier answers make it relevant
};

struct EventProcedure {
  std::string procedure_id;
  std::optional<Condition> when;  // applies only then
  LocalizedText why;              // with `when`: the reason shown to the resident
};

struct LifeEvent {
  std::string id;
  LocalizedText title, summary;
  LocalizedText event_date_label;  // "the day you moved in": deadlines count from it
  std::vector<Question> questions;
  std::vector<EventProcedure> procedures;  // in the order a resident should do them
  // Besides its titles, what a resident may type to find it: the title's reading in kana, everyday words
  // (ひっこし for 転入). Romaji comes from the kana (core/catalog_search.hpp).
  std::vector<std::string> search_terms;
};

struct Catalog {
  LocalizedText ward;
  std::vector<std::string> languages;
  std::vector<LifeEvent> events;  // in display order
  std::map<std::string, Procedure, std::less<>> procedures;
  // Only what home draws and searches (make_home_bundle): the events' titles, lines and procedure ids,
  // the procedures' titles and search words. Screens past home wait for the whole catalog.
  bool home_only = false;

  const LifeEvent* find_event(std::string_view id) const;
  const Procedure* find_procedure(std::string_view id) const;
};

}  // namespace madoguchi
