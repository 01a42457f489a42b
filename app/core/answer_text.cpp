// Formatting only: the values were validated and normalized by field_validation.
#include "answer_text.hpp"

#include "civil_date.hpp"
#include "date_text.hpp"

namespace madoguchi {

std::string masked_my_number(std::string_view digits) {
  std::string out;
  const bool keep_last_four = digits.size() == 12;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    if (keep_last_four && i >= 8) out += digits[i];
    else out += "●";
  }
  return out;
}

std::string answer_text(const FieldSpec& spec, std::string_view normalized, const Messages& messages,
                        std::string_view language, bool wareki) {
  switch (spec.kind) {
    case FieldKind::Choice:
      for (const auto& o : spec.options)
        if (o.value == normalized) return o.label.in(language);
      break;
    case FieldKind::Checkbox:
      return std::string(messages.get(language, normalized == "yes" ? "answer.yes" : "answer.no"));
    case FieldKind::Date:
      if (auto date = CivilDate::parse_iso(normalized)) return format_date(*date, messages, language, wareki);
      break;
    case FieldKind::MyNumber:
      return masked_my_number(normalized);
    default:
      break;
  }
  return std::string(normalized);
}

std::string draft_name(const FormSpec& form, const FormValues& values) {
  for (const auto& field : form.fields)
    if (field.kind == FieldKind::Name)
      if (auto value = values.get(field.id); value && !value->empty()) return std::string(*value);
  return {};
}

}  // namespace madoguchi
