// The form model of a procedure: field kinds, what each field asks, rules across fields, and the values a
// resident entered. Plain data: the catalog fills it, field_validation.hpp checks values against it.
#pragma once
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "condition.hpp"
#include "localized_text.hpp"

namespace madoguchi {

enum class FieldKind {
  Text,        // free text, trimmed
  Name,        // 氏名: family and given name
  Furigana,    // フリガナ: katakana (hiragana and half-width kana accepted and converted)
  Date,        // any form parse_japanese_date reads; stored as ISO YYYY-MM-DD
  PostalCode,  // 郵便番号, stored as 123-4567
  Address,     // 住所 with its block number (番地)
  Phone,       // Japanese fixed, mobile or IP phone number
  Email,
  Choice,      // one of `options`
  Checkbox,    // "yes" / "no"
  Number,      // a whole number within [min_value, max_value]
  MyNumber,    // 個人番号: never echoed back in a problem
  Group,       // a repeat group: `fields` once per item (household members, children)
  Attachment,  // a photo (or a PDF) of a document: its value is the id of a file kept beside the draft
};

// The name of a kind in the catalog ("text", "postal-code", "my-number", ...), and back.
std::string_view field_kind_name(FieldKind kind);
std::optional<FieldKind> field_kind_from_name(std::string_view name);

struct ChoiceOption {
  std::string value;  // what is stored and what conditions compare
  LocalizedText label;
};

struct FieldSpec {
  std::string id;
  FieldKind kind = FieldKind::Text;
  LocalizedText label, hint;
  bool required = false;  // Checkbox: must be checked ("yes"); Group: at least one item
  std::optional<Condition> shown_when;  // hidden fields are neither shown nor validated
  std::vector<ChoiceOption> options;    // Choice
  int min_value = 0;                    // Number
  int max_value = std::numeric_limits<int>::max();
  int min_items = 0;                    // Group
  int max_items = 0;                    // Group; 0 for no limit
  std::vector<FieldSpec> fields;        // Group: the fields of one item
  bool accepts_pdf = false;             // Attachment: a PDF as well as a photo (a certificate sent as a file)
  // Which answer of the resident's profile prefills this field (ワンスオンリー): "name", "furigana",
  // "birth_date", "address", "phone", "email", or empty for none.
  std::string profile_key;
  // Top-level fields only: this field starts a page of the form with this title (core/form_pages.hpp).
  LocalizedText page;
};

// A rule between two fields, checked once both are filled in and valid; the problem goes on `field`.
struct CrossFieldRule {
  enum Kind {
    NotBefore,  // date `field` >= date `other` (moved in on or after moving out)
    NotAfter,   // date `field` <= date `other`
    SameAs,     // normalized values equal (an e-mail address typed twice)
  };
  Kind kind = NotBefore;
  std::string field, other;  // top-level field ids
};

struct FormSpec {
  std::vector<FieldSpec> fields;
  std::vector<CrossFieldRule> rules;
};

// The field with `id` among `fields` (not searching inside groups), or nullptr.
const FieldSpec* find_field(const std::vector<FieldSpec>& fields, std::string_view id);

// The field a path names ("members[1].birth_date" → birth_date inside group members), or nullptr.
const FieldSpec* find_field_by_path(const std::vector<FieldSpec>& fields, std::string_view path);

// "members[1].birth_date": the path of a field of item `index` of the group at `group_path`.
std::string item_path(std::string_view group_path, int index, std::string_view field_id);

// What a resident entered, by field path: "email", "members[1].birth_date", "members[0].children[2].name".
// A repeat group's item count is kept explicitly, because a person just added has no values yet; when no
// count was set, it is one more than the highest item index among the stored paths.
class FormValues {
 public:
  void set(std::string path, std::string value);
  std::optional<std::string_view> get(std::string_view path) const;
  void set_item_count(std::string group_path, int count);
  int item_count(std::string_view group_path) const;
  // Removes item `index` of a group with everything inside it; later items move up by one, so the
  // resident's "remove the second child" keeps the third child's answers as the new second.
  void remove_item(std::string_view group_path, int index);
  const std::map<std::string, std::string, std::less<>>& all() const { return values_; }
  const std::map<std::string, int, std::less<>>& item_counts() const { return item_counts_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::map<std::string, int, std::less<>> item_counts_;
};

}  // namespace madoguchi
