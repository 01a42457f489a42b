// Checks what a resident typed against a field's kind and a form's rules, and normalizes it for storage.
// Each problem has a stable code; its message (what is wrong and how to fix it) is "form.error.<code>".
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "attached_files.hpp"
#include "form_fields.hpp"
#include "messages.hpp"

namespace madoguchi {

struct FieldProblem {
  std::string field_path;  // "postal_code", "members[1].birth_date"
  std::string code;        // "postal_code.digits"; listed in problem_codes()
  // Values for the message's {placeholders}. Never the value of a MyNumber field, of any field in a
  // cross-field problem, or anything but the offending characters of a name or furigana.
  std::vector<std::pair<std::string, std::string>> params;
};

struct FieldResult {
  std::string normalized;  // what to store (empty when the field is empty); meaningful only without a problem
  std::optional<FieldProblem> problem;
};

// One field on its own: required, then the rules of its kind. A Group has no value of its own (its items
// are checked by validate_form). The problem's field_path is the field's id.
FieldResult validate_field(const FieldSpec& spec, std::string_view raw);

// Every problem of a form, in field order, then the cross-field rules: fields whose shown_when does not
// hold are skipped (a condition reads a sibling in the same group item first, then a top-level field; a
// hidden field reads as unanswered), groups are checked for their item count and each item's fields.
std::vector<FieldProblem> validate_form(const FormSpec& form, const FormValues& values);

struct CheckedForm {
  std::vector<FieldProblem> problems;
  // The shown fields' normalized values (empty ones left out) and every shown group's item count: what
  // a submission carries. Hidden fields are dropped, so an answer the resident can no longer see is
  // never sent.
  FormValues accepted;
  // The path of every field the resident sees now (groups and each item's fields included): what a
  // form screen draws.
  std::set<std::string, std::less<>> shown;
};

// validate_form, keeping what passed as well. With `files` (the device's attached files), an attachment
// field naming a file the device no longer has reads as empty: a correction of a sent application, or a
// draft whose photo was lost, asks for the photo again.
CheckedForm check_form(const FormSpec& form, const FormValues& values, const AttachedFiles* files = nullptr);

struct ProblemCode {
  std::string_view code;
  std::vector<std::string_view> params;  // the placeholders its messages use
};

// Every code validate_field and validate_form can produce, with its params: the i18n files are tested
// against this list.
std::vector<ProblemCode> problem_codes();

// The message of a problem in `language`, with the param "other" (a field path) replaced by that
// field's label in the same language.
std::string problem_message(const FieldProblem& problem, const FormSpec& form, const Messages& messages,
                            std::string_view language);

}  // namespace madoguchi
