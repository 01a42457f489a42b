// The answers of a checked form as the JSON object sealed into an envelope (its "application"), and
// back: the device writes it, the ward's inbox reads it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "form_fields.hpp"

namespace madoguchi {

struct ApplicationAnswers {
  std::string language;  // the resident's language, so the ward can answer in it
  FormValues values;     // by path: "email", "members[1].birth_date"
};

// {"answers":{"email":"…","members":[{"relation":"…"},…]},"language":"ja"}: one string per answered field,
// a repeat group as an array of objects (an item with no answers is {}). Give it check_form's `accepted`,
// so only shown, normalized values leave the device.
std::string application_json(const FormSpec& form, const FormValues& accepted, std::string_view language);

struct ApplicationRead {
  std::optional<ApplicationAnswers> answers;
  std::string error;  // with no answers: what is wrong, naming the JSON path
};

// Reads the object back without needing the form, so an answer to a field a newer catalog dropped is
// still shown to staff rather than lost.
ApplicationRead read_application_json(std::string_view json);

}  // namespace madoguchi
